from .journey import JourneyViewSchedule as JourneyViewSchedule
