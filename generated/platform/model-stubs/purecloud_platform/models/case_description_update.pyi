from .case_ import CaseDescriptionUpdate as CaseDescriptionUpdate
