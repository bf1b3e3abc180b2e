from .credential import CredentialInfo as CredentialInfo
