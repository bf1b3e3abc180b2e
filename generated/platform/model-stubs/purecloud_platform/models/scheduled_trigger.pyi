from .scheduled import ScheduledTrigger as ScheduledTrigger
