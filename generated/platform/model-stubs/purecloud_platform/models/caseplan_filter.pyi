from .caseplan import CaseplanFilter as CaseplanFilter
