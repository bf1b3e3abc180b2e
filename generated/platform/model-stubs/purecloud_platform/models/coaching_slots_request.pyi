from .coaching import CoachingSlotsRequest as CoachingSlotsRequest
