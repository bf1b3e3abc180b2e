from .authz import AuthzDivision as AuthzDivision
