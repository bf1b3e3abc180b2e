from .assigned import AssignedWrapupCode as AssignedWrapupCode
