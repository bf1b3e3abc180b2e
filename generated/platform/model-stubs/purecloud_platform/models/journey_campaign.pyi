from .journey import JourneyCampaign as JourneyCampaign
