from .sms import SmsConfig as SmsConfig
