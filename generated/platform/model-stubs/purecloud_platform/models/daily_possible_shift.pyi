from .daily import DailyPossibleShift as DailyPossibleShift
