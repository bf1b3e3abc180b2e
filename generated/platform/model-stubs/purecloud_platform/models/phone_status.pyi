from .phone import PhoneStatus as PhoneStatus
