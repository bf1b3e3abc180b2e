from .dependency import DependencyObject as DependencyObject
