from .campaign import CampaignDiagnostics as CampaignDiagnostics
