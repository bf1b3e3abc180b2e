from .role import RoleDivision as RoleDivision
