from .trustee import TrusteeReferenceList as TrusteeReferenceList
