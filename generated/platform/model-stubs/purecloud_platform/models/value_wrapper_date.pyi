from .value import ValueWrapperDate as ValueWrapperDate
