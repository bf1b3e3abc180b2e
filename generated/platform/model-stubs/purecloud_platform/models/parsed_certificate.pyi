from .parsed import ParsedCertificate as ParsedCertificate
