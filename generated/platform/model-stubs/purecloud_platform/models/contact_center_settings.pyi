from .contact import ContactCenterSettings as ContactCenterSettings
