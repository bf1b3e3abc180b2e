from .scim import ScimUserRoutingSkill as ScimUserRoutingSkill
