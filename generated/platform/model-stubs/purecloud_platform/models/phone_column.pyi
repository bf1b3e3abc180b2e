from .phone import PhoneColumn as PhoneColumn
