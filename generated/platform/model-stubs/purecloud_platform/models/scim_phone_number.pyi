from .scim import ScimPhoneNumber as ScimPhoneNumber
