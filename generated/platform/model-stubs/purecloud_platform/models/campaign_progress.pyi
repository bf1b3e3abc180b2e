from .campaign import CampaignProgress as CampaignProgress
