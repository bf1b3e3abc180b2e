from .group import GroupProfile as GroupProfile
