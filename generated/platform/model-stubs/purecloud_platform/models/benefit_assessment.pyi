from .benefit import BenefitAssessment as BenefitAssessment
