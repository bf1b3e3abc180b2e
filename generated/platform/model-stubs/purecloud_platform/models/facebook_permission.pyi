from .facebook import FacebookPermission as FacebookPermission
