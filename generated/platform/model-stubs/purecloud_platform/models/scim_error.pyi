from .scim import ScimError as ScimError
