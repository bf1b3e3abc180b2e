from .users import UsersRulesValue as UsersRulesValue
