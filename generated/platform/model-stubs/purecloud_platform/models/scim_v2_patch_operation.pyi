from .scim import ScimV2PatchOperation as ScimV2PatchOperation
