from .role import RoleDivisionGrants as RoleDivisionGrants
