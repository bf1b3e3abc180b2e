from .caseplan import CaseplanDataSchema as CaseplanDataSchema
