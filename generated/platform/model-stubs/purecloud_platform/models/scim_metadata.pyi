from .scim import ScimMetadata as ScimMetadata
