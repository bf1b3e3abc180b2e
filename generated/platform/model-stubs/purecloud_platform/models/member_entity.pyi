from .member import MemberEntity as MemberEntity
