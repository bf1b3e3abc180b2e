from .email import EmailCampaignSchedule as EmailCampaignSchedule
