from .validate import ValidateDetails as ValidateDetails
