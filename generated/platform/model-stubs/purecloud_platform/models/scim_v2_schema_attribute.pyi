from .scim import ScimV2SchemaAttribute as ScimV2SchemaAttribute
