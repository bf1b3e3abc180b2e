from .messaging import MessagingCampaign as MessagingCampaign
