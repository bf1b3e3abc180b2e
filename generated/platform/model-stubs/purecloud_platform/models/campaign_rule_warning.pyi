from .campaign import CampaignRuleWarning as CampaignRuleWarning
