from .learning import LearningSlot as LearningSlot
