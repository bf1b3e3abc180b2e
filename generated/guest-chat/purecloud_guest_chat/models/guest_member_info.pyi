from .guest import GuestMemberInfo as GuestMemberInfo
