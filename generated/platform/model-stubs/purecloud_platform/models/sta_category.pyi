from .sta import StaCategory as StaCategory
