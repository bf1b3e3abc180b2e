from .user import UserEntity as UserEntity
