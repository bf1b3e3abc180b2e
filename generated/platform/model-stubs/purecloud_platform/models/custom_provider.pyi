from .custom import CustomProvider as CustomProvider
