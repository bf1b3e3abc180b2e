from .case_ import CaseQueryJobError as CaseQueryJobError
