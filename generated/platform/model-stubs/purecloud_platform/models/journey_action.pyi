from .journey import JourneyAction as JourneyAction
