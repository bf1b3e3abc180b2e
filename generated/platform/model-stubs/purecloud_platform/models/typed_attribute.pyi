from .typed import TypedAttribute as TypedAttribute
