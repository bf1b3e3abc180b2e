from .phone import PhoneCapabilities as PhoneCapabilities
