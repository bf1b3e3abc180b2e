from .value import ValueWrapperInteger as ValueWrapperInteger
