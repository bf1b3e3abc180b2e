from .authz import AuthzGrant as AuthzGrant
