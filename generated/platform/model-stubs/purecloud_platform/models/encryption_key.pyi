from .encryption import EncryptionKey as EncryptionKey
