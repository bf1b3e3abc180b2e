from .caseplan import CaseplanQueryRequest as CaseplanQueryRequest
