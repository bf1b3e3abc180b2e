from .stepplan import StepplanUpdate as StepplanUpdate
