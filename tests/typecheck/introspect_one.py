"""Run in a fresh interpreter: ``python introspect_one.py <package> <Name|ApiClass.method> ...``.

For each object: ``inspect.signature`` (plain and with ``eval_str=True``),
``typing.get_type_hints`` and ``pydoc.render_doc`` (what ``help()`` prints). Prints one line
per failure and exits 1 if any; the objects are looked up as a user would reach them.
"""

from __future__ import annotations

import importlib
import inspect
import pydoc
import sys
import typing


def lookup(package: str, path: str) -> object:
    models = importlib.import_module(f"{package}.models")
    head, _, method = path.partition(".")
    if method:
        return getattr(
            getattr(importlib.import_module(f"{package}.apis"), head), method
        )
    return getattr(models, head)


def main(package: str, paths: list[str]) -> int:
    failures = 0
    for path in paths:
        target = lookup(package, path)
        for what, probe in (
            ("inspect.signature", inspect.signature),
            (
                "inspect.signature(eval_str=True)",
                lambda o: inspect.signature(o, eval_str=True),
            ),
            ("typing.get_type_hints", typing.get_type_hints),
            ("help", pydoc.render_doc),
        ):
            try:
                probe(target)
            except Exception as error:  # noqa: BLE001 - every failure is reported
                failures += 1
                print(f"{path}: {what}: {type(error).__name__}: {error}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
