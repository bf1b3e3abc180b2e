from .campaign import CampaignSequence as CampaignSequence
