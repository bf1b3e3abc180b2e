from .user import UserAgentInfo as UserAgentInfo
