from .trunk import TrunkBase as TrunkBase
