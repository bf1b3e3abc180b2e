from .ignored import IgnoredMinedEntity as IgnoredMinedEntity
