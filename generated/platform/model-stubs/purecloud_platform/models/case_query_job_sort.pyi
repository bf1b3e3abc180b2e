from .case_ import CaseQueryJobSort as CaseQueryJobSort
