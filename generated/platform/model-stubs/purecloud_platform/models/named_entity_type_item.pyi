from .named import NamedEntityTypeItem as NamedEntityTypeItem
