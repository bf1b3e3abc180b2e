from .copy import CopyBuForecastRequest as CopyBuForecastRequest
