from .edge import EdgeTrunkBase as EdgeTrunkBase
