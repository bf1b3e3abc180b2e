from .sms import SmsPhoneNumberImport as SmsPhoneNumberImport
