from .user import UserActivityEntityData as UserActivityEntityData
