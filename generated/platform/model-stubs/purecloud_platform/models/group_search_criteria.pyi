from .group import GroupSearchCriteria as GroupSearchCriteria
