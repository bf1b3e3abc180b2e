from .json import JsonSchemaDocument as JsonSchemaDocument
