from .authz import AuthzGrantRole as AuthzGrantRole
