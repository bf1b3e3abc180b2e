from .scim import ScimUserExtensions as ScimUserExtensions
