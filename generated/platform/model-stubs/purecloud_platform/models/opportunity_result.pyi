from .opportunity import OpportunityResult as OpportunityResult
