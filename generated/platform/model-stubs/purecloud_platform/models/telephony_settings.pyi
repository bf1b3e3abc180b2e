from .telephony import TelephonySettings as TelephonySettings
