from .custom import CustomAttributes as CustomAttributes
