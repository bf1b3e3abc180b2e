from .division import DivisionReference as DivisionReference
