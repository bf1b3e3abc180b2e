from .value import ValueWrapperInstant as ValueWrapperInstant
