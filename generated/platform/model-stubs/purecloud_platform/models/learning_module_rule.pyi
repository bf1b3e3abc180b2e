from .learning import LearningModuleRule as LearningModuleRule
