from .custom import CustomEventAttribute as CustomEventAttribute
