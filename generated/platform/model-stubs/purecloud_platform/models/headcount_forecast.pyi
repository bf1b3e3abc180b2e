from .headcount import HeadcountForecast as HeadcountForecast
