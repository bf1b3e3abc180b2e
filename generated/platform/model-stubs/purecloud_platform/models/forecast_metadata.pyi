from .forecast import ForecastMetadata as ForecastMetadata
