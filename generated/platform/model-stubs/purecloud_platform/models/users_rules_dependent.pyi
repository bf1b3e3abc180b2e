from .users import UsersRulesDependent as UsersRulesDependent
