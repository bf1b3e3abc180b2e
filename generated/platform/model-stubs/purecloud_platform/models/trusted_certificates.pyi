from .trusted import TrustedCertificates as TrustedCertificates
