from .phone import PhoneNumber as PhoneNumber
