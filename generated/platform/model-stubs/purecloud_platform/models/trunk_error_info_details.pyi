from .trunk import TrunkErrorInfoDetails as TrunkErrorInfoDetails
