from .campaign import CampaignSchedule as CampaignSchedule
