from .group import GroupMembersUpdate as GroupMembersUpdate
