from .bu import BuTimeOffLimitReference as BuTimeOffLimitReference
