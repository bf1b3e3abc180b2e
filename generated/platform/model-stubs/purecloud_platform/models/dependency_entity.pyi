from .dependency import DependencyEntity as DependencyEntity
