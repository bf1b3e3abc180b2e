from .named import NamedEntity as NamedEntity
