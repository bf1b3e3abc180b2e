from .sms import SmsPhoneNumber as SmsPhoneNumber
