from .long import LongTermForecastResult as LongTermForecastResult
