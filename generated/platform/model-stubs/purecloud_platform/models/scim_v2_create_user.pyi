from .scim import ScimV2CreateUser as ScimV2CreateUser
