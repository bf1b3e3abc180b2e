from .trustee import TrusteeAuthorization as TrusteeAuthorization
