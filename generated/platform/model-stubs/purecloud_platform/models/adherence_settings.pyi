from .adherence import AdherenceSettings as AdherenceSettings
