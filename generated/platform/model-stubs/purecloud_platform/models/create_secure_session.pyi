from .create import CreateSecureSession as CreateSecureSession
