from .assessment import AssessmentForm as AssessmentForm
