from .scim import ScimUserRole as ScimUserRole
