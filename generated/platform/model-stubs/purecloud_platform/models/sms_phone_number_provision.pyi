from .sms import SmsPhoneNumberProvision as SmsPhoneNumberProvision
