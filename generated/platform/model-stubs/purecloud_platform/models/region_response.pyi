from .region import RegionResponse as RegionResponse
