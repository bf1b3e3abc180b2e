from .confusion import ConfusionIntentInfo as ConfusionIntentInfo
