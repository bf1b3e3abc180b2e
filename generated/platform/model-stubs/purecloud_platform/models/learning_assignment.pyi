from .learning import LearningAssignment as LearningAssignment
