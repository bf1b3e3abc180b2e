from .adherence import AdherenceAdjustment as AdherenceAdjustment
