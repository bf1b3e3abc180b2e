from .role import RoleSettings as RoleSettings
