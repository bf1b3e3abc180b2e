from .value import ValueWrapperString as ValueWrapperString
