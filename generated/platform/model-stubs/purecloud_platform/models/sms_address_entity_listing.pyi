from .sms import SmsAddressEntityListing as SmsAddressEntityListing
