from .activity import ActivityCodeSummary as ActivityCodeSummary
