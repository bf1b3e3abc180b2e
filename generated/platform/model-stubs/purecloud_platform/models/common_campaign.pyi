from .common import CommonCampaign as CommonCampaign
