from .credential import CredentialType as CredentialType
