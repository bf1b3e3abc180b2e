from .users import UsersRulesCriteria as UsersRulesCriteria
