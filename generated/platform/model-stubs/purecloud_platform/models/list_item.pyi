from .list import ListItem as ListItem
