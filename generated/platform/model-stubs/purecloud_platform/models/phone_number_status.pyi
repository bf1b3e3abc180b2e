from .phone import PhoneNumberStatus as PhoneNumberStatus
