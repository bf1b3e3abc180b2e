from .case_ import CaseReference as CaseReference
