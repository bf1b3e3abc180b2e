from .data import DataSchema as DataSchema
