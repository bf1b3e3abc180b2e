from .campaign import CampaignRule as CampaignRule
