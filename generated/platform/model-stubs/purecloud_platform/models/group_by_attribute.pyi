from .group import GroupByAttribute as GroupByAttribute
