from .time import TimeZoneMappingPreview as TimeZoneMappingPreview
