from .nuance import NuanceBotCredentials as NuanceBotCredentials
