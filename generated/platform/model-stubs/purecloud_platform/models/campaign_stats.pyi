from .campaign import CampaignStats as CampaignStats
