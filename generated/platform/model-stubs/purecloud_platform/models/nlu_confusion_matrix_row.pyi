from .nlu import NluConfusionMatrixRow as NluConfusionMatrixRow
