import importlib
from typing import Any

_LAZY = {
    "User": ".user",
    "CreateUser": ".user",
    "UserEntityListing": ".user_entity_listing",
    "CursorListing": ".user_entity_listing",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(module, __name__), name)
