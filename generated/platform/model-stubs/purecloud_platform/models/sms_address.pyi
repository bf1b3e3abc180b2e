from .sms import SmsAddress as SmsAddress
