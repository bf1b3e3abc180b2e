from .field import FieldConfig as FieldConfig
