from .case_ import CaseOwnerUpdate as CaseOwnerUpdate
