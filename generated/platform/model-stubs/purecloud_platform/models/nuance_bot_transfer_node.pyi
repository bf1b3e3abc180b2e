from .nuance import NuanceBotTransferNode as NuanceBotTransferNode
