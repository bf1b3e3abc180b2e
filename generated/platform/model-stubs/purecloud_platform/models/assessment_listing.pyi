from .assessment import AssessmentListing as AssessmentListing
