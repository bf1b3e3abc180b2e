"""Stand-in for a rendered package __init__: the lazy map built from _public.PUBLIC_NAMES."""

import importlib
from typing import Any

from ._public import PUBLIC_NAMES
from ._version import __version__

_LAZY = {name: f".{module}" for name, module in PUBLIC_NAMES.items()}
_LAZY.update(
    {
        "UsersApi": ".apis.users_api",
        "AsyncUsersApi": ".apis.users_api",
        "User": ".models.user",
        "CreateUser": ".models.user",
        "UserEntityListing": ".models.user_entity_listing",
        "CursorListing": ".models.user_entity_listing",
    }
)
__all__ = ["__version__", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    if name in ("apis", "models"):
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
