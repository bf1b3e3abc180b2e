from .group import GroupUpdate as GroupUpdate
