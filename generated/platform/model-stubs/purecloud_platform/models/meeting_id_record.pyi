from .meeting import MeetingIdRecord as MeetingIdRecord
