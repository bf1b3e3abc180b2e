from .group import GroupContact as GroupContact
