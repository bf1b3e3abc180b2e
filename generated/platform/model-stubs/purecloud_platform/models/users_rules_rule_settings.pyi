from .users import UsersRulesRuleSettings as UsersRulesRuleSettings
