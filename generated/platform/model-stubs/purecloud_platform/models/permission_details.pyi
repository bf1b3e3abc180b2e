from .permission import PermissionDetails as PermissionDetails
