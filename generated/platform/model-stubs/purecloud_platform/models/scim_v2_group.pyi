from .scim import ScimV2Group as ScimV2Group
