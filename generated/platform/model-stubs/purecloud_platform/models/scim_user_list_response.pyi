from .scim import ScimUserListResponse as ScimUserListResponse
