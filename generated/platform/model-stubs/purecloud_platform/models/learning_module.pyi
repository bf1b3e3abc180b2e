from .learning import LearningModule as LearningModule
