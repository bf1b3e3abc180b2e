from .named import NamedEntityDefinition as NamedEntityDefinition
