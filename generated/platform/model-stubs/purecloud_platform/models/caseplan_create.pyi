from .caseplan import CaseplanCreate as CaseplanCreate
