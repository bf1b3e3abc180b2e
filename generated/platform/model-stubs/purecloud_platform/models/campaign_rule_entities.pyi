from .campaign import CampaignRuleEntities as CampaignRuleEntities
