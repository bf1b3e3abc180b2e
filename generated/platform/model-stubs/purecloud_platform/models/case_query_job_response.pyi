from .case_ import CaseQueryJobResponse as CaseQueryJobResponse
