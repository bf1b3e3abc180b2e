from .nuance import NuanceMixDlgSettings as NuanceMixDlgSettings
