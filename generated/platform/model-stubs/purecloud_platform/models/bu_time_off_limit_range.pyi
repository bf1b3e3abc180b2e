from .bu import BuTimeOffLimitRange as BuTimeOffLimitRange
