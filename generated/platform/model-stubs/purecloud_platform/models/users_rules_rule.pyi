from .users import UsersRulesRule as UsersRulesRule
