from .user import UserDetailsQuery as UserDetailsQuery
