from .assignment import AssignmentError as AssignmentError
