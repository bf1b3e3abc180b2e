from .wrapup import WrapupIdReference as WrapupIdReference
