from .users import UsersRulesGroupItem as UsersRulesGroupItem
