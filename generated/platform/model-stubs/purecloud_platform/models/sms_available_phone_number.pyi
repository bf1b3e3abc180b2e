from .sms import SmsAvailablePhoneNumber as SmsAvailablePhoneNumber
