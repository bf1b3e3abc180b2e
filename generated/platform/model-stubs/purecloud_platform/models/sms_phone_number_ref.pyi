from .sms import SmsPhoneNumberRef as SmsPhoneNumberRef
