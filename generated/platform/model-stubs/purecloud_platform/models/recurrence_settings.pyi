from .recurrence import RecurrenceSettings as RecurrenceSettings
