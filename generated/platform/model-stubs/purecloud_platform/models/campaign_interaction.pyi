from .campaign import CampaignInteraction as CampaignInteraction
