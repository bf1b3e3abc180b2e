from .day import DayOfWeekMinimums as DayOfWeekMinimums
