from .license import LicenseUser as LicenseUser
