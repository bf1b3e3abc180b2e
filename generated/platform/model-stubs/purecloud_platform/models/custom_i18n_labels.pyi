from .custom import CustomI18nLabels as CustomI18nLabels
