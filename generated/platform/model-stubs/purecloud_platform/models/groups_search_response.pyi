from .groups import GroupsSearchResponse as GroupsSearchResponse
