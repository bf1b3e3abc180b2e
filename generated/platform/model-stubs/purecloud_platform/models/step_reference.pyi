from .step import StepReference as StepReference
