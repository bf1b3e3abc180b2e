from .sip import SipDownloadResponse as SipDownloadResponse
