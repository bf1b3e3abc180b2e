from .campaign import CampaignDivisionView as CampaignDivisionView
