from .acw import AcwSettings as AcwSettings
