from .user import UserDetailQueryClause as UserDetailQueryClause
