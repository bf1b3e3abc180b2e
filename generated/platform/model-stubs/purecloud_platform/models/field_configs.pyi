from .field import FieldConfigs as FieldConfigs
