from .bu import BuIntradayResponse as BuIntradayResponse
