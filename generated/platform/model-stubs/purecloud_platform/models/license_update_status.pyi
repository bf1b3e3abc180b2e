from .license import LicenseUpdateStatus as LicenseUpdateStatus
