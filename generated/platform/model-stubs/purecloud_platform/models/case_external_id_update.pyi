from .case_ import CaseExternalIdUpdate as CaseExternalIdUpdate
