from .region import RegionTimeZone as RegionTimeZone
