from .scim import ScimEmail as ScimEmail
