from .authz import AuthzGrantPolicy as AuthzGrantPolicy
