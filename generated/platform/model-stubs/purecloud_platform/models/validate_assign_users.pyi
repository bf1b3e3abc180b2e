from .validate import ValidateAssignUsers as ValidateAssignUsers
