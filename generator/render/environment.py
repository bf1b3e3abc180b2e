"""The one Jinja2 environment, and where templates and runtime files are found."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jinja2

from . import text

_GENERATOR_DIR = Path(__file__).resolve().parent.parent  # generator/
_REPOSITORY_DIR = _GENERATOR_DIR.parent

# An installed sdkgen (a wheel) carries copies in generator/_bundled/ (setup.py puts them
# there); a checkout, editable install included, has none and reads the repository's.
# The bundled copy goes first: beside an installed package, the "repository" folder is
# site-packages, where an unrelated templates/ or docs/ may sit.
_BUNDLED_DIR = _GENERATOR_DIR / "_bundled"
TEMPLATE_DIRS = (_BUNDLED_DIR / "templates", _REPOSITORY_DIR / "templates")
RUNTIME_DIR = _GENERATOR_DIR / "runtime"
RUNTIME_DOC_PATHS = (_BUNDLED_DIR / "runtime.md", _REPOSITORY_DIR / "docs" / "runtime.md")


def templates_dir() -> Path:
    for candidate in TEMPLATE_DIRS:
        if (candidate / "api.py.jinja").is_file():
            return candidate
    raise FileNotFoundError("sdkgen templates not found in " + " or ".join(str(d) for d in TEMPLATE_DIRS))


def _py_tuple(values) -> str:
    items = [text.py_string(v) for v in values]
    if not items:
        return "()"
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"


def _reexport(names) -> str:
    """``A as A, B as B``: the redundant alias marks an import in ``__init__`` as a public
    re-export for type checkers (PEP 484), which ``__all__ = sorted(...)`` cannot."""
    return ", ".join(f"{name} as {name}" for name in names)


def _toml_string(value: object) -> str:
    # A TOML basic string has the same escapes as JSON for everything we emit.
    return json.dumps(str(value), ensure_ascii=False)


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        py_string=text.py_string,
        py_literal=text.py_literal,
        py_tuple=_py_tuple,
        toml_string=_toml_string,
        markdown_cell=text.markdown_cell,
        reexport=_reexport,
    )
    env.globals["header"] = text.HEADER_TEXT
    return env
