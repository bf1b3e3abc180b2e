from .campaign import CampaignPatchRequest as CampaignPatchRequest
