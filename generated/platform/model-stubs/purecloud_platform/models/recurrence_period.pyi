from .recurrence import RecurrencePeriod as RecurrencePeriod
