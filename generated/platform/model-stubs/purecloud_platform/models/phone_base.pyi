from .phone import PhoneBase as PhoneBase
