from .position import PositionSettings as PositionSettings
