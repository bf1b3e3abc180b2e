from .caseplan import CaseplanUpdate as CaseplanUpdate
