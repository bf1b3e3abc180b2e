from .bu import BuIntradayForecastData as BuIntradayForecastData
