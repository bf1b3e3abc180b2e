from .scim import ScimV2EnterpriseUser as ScimV2EnterpriseUser
