from .facebook import FacebookScopedId as FacebookScopedId
