from .campaign import CampaignInteractions as CampaignInteractions
