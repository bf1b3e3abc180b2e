from .bu import BuServiceLevel as BuServiceLevel
