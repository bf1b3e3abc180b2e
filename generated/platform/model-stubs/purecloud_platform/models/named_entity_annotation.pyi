from .named import NamedEntityAnnotation as NamedEntityAnnotation
