from .case_ import CasePriorityUpdate as CasePriorityUpdate
