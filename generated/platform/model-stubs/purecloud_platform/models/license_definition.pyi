from .license import LicenseDefinition as LicenseDefinition
