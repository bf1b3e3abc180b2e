from .user import UserDetailQueryFilter as UserDetailQueryFilter
