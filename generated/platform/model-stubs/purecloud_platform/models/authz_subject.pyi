from .authz import AuthzSubject as AuthzSubject
