from .license import LicenseOrgToggle as LicenseOrgToggle
