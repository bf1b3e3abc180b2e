from .bu import BuForecastResult as BuForecastResult
