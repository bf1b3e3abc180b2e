from .credential import CredentialParameter as CredentialParameter
