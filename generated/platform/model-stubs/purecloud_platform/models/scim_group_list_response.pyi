from .scim import ScimGroupListResponse as ScimGroupListResponse
