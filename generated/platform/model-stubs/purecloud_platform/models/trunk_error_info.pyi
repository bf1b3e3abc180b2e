from .trunk import TrunkErrorInfo as TrunkErrorInfo
