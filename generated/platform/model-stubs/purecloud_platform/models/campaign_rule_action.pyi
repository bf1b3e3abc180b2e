from .campaign import CampaignRuleAction as CampaignRuleAction
