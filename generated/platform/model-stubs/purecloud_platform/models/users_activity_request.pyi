from .users import UsersActivityRequest as UsersActivityRequest
