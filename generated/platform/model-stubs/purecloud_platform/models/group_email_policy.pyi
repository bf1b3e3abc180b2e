from .group import GroupEmailPolicy as GroupEmailPolicy
