"""The Python surface of a generated SDK, built once from the IR (see docs/surface.md)."""

from .build import build_surface, surface_of
from .model import (
    ApiClassSurface,
    EnumMember,
    FieldSurface,
    MethodSurface,
    NamedType,
    ParamSurface,
    PyType,
    Surface,
)
from .types import FILE_UPLOAD_ANNOTATION

__all__ = [
    "FILE_UPLOAD_ANNOTATION",
    "ApiClassSurface",
    "EnumMember",
    "FieldSurface",
    "MethodSurface",
    "NamedType",
    "ParamSurface",
    "PyType",
    "Surface",
    "build_surface",
    "surface_of",
]
