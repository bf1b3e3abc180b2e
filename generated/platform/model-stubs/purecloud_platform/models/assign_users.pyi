from .assign import AssignUsers as AssignUsers
