from .calendar import CalendarUrlResponse as CalendarUrlResponse
