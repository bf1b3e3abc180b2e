from .member import MemberGroup as MemberGroup
