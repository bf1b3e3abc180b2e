from .learning import LearningModuleList as LearningModuleList
