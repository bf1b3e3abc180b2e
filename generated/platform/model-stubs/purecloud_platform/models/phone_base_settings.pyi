from .phone import PhoneBaseSettings as PhoneBaseSettings
