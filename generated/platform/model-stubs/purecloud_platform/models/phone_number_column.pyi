from .phone import PhoneNumberColumn as PhoneNumberColumn
