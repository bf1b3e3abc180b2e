from .secure import SecureSession as SecureSession
