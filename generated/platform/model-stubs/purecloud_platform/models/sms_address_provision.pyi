from .sms import SmsAddressProvision as SmsAddressProvision
