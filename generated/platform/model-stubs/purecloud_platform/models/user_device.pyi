from .user import UserDevice as UserDevice
