from .namespace import NamespaceDocs as NamespaceDocs
