from .group import GroupCreate as GroupCreate
