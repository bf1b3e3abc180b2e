from .data import DataSchemaRef as DataSchemaRef
