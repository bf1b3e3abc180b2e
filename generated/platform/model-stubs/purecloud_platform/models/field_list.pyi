from .field import FieldList as FieldList
