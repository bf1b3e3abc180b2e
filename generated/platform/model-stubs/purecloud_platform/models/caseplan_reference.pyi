from .caseplan import CaseplanReference as CaseplanReference
