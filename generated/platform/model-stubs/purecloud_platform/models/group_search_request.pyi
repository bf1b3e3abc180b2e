from .group import GroupSearchRequest as GroupSearchRequest
