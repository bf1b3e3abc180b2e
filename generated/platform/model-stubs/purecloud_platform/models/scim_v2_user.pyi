from .scim import ScimV2User as ScimV2User
