from .bu import BuTimeOffLimitValues as BuTimeOffLimitValues
