from .dependency import DependencyType as DependencyType
