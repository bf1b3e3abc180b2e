from .bu import BuTimeOffLimitResponse as BuTimeOffLimitResponse
