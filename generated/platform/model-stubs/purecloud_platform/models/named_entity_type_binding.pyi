from .named import NamedEntityTypeBinding as NamedEntityTypeBinding
