from .nuance import NuanceBotVariable as NuanceBotVariable
