from .user import UserExpands as UserExpands
