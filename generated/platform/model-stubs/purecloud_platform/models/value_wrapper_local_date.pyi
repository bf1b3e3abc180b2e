from .value import ValueWrapperLocalDate as ValueWrapperLocalDate
