from .benefit import BenefitAssessmentJob as BenefitAssessmentJob
