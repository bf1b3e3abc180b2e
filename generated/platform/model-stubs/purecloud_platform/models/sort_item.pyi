from .sort import SortItem as SortItem
