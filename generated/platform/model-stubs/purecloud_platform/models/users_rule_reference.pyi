from .users import UsersRuleReference as UsersRuleReference
