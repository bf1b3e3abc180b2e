from .scim import ScimConfigResourceType as ScimConfigResourceType
