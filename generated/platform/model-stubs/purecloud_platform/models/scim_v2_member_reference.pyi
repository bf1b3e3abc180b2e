from .scim import ScimV2MemberReference as ScimV2MemberReference
