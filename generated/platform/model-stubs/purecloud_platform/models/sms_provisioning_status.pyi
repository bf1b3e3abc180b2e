from .sms import SmsProvisioningStatus as SmsProvisioningStatus
