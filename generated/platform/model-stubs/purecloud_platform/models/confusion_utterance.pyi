from .confusion import ConfusionUtterance as ConfusionUtterance
