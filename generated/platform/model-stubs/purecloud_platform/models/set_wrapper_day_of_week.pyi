from .set import SetWrapperDayOfWeek as SetWrapperDayOfWeek
