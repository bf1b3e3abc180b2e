from .override import OverrideDate as OverrideDate
