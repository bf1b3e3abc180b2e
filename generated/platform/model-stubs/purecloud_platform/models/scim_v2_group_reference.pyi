from .scim import ScimV2GroupReference as ScimV2GroupReference
