from .scim import ScimV2SchemaDefinition as ScimV2SchemaDefinition
