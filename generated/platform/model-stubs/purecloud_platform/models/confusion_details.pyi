from .confusion import ConfusionDetails as ConfusionDetails
