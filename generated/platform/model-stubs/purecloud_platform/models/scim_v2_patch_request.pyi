from .scim import ScimV2PatchRequest as ScimV2PatchRequest
