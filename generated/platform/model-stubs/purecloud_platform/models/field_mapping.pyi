from .field import FieldMapping as FieldMapping
