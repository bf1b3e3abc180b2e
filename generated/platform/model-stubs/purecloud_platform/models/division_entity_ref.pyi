from .division import DivisionEntityRef as DivisionEntityRef
