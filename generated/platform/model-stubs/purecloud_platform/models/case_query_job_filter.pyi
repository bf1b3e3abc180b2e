from .case_ import CaseQueryJobFilter as CaseQueryJobFilter
