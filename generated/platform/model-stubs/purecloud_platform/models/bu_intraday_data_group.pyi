from .bu import BuIntradayDataGroup as BuIntradayDataGroup
