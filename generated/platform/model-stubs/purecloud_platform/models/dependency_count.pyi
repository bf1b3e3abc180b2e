from .dependency import DependencyCount as DependencyCount
