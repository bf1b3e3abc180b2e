from .users import UsersRulesRuleList as UsersRulesRuleList
