from .group import GroupSettings as GroupSettings
