from .sip import SipSearchResult as SipSearchResult
