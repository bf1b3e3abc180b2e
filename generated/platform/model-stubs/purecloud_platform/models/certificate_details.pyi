from .certificate import CertificateDetails as CertificateDetails
