from .bu import BuShortTermForecast as BuShortTermForecast
