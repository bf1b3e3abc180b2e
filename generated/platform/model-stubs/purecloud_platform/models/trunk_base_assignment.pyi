from .trunk import TrunkBaseAssignment as TrunkBaseAssignment
