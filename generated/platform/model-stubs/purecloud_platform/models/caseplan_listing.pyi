from .caseplan import CaseplanListing as CaseplanListing
