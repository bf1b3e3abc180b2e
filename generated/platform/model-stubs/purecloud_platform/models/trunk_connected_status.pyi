from .trunk import TrunkConnectedStatus as TrunkConnectedStatus
