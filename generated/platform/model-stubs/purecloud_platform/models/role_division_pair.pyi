from .role import RoleDivisionPair as RoleDivisionPair
