from .case_ import CaseQueryJobCreate as CaseQueryJobCreate
