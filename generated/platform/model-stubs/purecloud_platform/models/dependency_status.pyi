from .dependency import DependencyStatus as DependencyStatus
