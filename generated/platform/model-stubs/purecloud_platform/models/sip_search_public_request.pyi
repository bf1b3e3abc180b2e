from .sip import SIPSearchPublicRequest as SIPSearchPublicRequest
