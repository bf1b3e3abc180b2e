from .learning import LearningAssessment as LearningAssessment
