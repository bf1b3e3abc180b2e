from .opt import OptInSettings as OptInSettings
