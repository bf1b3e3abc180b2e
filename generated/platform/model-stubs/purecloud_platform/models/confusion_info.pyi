from .confusion import ConfusionInfo as ConfusionInfo
