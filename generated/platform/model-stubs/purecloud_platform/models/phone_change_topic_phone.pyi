from .phone import PhoneChangeTopicPhone as PhoneChangeTopicPhone
