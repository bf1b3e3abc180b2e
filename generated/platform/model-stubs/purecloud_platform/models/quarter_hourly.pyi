from .quarter import QuarterHourly as QuarterHourly
