from .event import EventSetting as EventSetting
