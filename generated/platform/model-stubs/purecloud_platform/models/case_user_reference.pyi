from .case_ import CaseUserReference as CaseUserReference
