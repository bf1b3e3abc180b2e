"""Smoke check of a generated SDK package; runs on its own (stdlib + the SDK only).

    python smoke_check.py PACKAGE [--expect-version VERSION] [--sample N]

Imports the package and its version, every API module (each must define an ``...Api``
class), and an evenly spread sample of model modules; every model class of the sample
is built with a few scalar fields set and round-tripped through JSON. Exits 1 with the
first problem. The release runs it on the generated tree (when the SDK has no tests of
its own) and again in a fresh virtualenv against the installed wheel.

Deliberately free of generator imports: it runs where only the SDK is installed.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import sys
from types import ModuleType

DEFAULT_SAMPLE = 60
# Example values for fields whose annotation starts with these scalar types.
_SAMPLE_VALUES = {"str": "smoke", "int": 7, "float": 1.5, "bool": True}


class SmokeFailure(Exception):
    pass


def _submodules(package: ModuleType) -> list[str]:
    return sorted(
        f"{package.__name__}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
    )


def _evenly_spread(items: list[str], count: int) -> list[str]:
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def check_version(package: ModuleType, expected: str | None) -> str:
    version = getattr(package, "__version__", None)
    if version is None:
        version = getattr(
            importlib.import_module(f"{package.__name__}._version"), "__version__", None
        )
    if not isinstance(version, str):
        raise SmokeFailure(f"{package.__name__} has no __version__")
    if expected is not None and version != expected:
        raise SmokeFailure(
            f"{package.__name__}.__version__ is {version!r}, expected {expected!r}"
        )
    return version


def check_apis(package_name: str) -> tuple[int, int]:
    """Import every API module; returns (modules, public methods of their Api classes)."""
    apis = importlib.import_module(f"{package_name}.apis")
    modules = _submodules(apis)
    methods = 0
    for name in modules:
        module = importlib.import_module(name)
        classes = [
            obj
            for attr, obj in vars(module).items()
            if inspect.isclass(obj) and obj.__module__ == name and attr.endswith("Api")
        ]
        if not classes:
            raise SmokeFailure(f"{name} defines no ...Api class")
        methods += sum(
            1 for cls in classes for attr in vars(cls) if not attr.startswith("_")
        )
    return len(modules), methods


def _sample_instance(cls: type) -> object:
    """``cls`` with every plain scalar field set (annotations are strings: ``str | None``)."""
    values = {}
    for field_name in getattr(cls, "__struct_fields__", ()):
        annotation = str(getattr(cls, "__annotations__", {}).get(field_name, ""))
        first = annotation.split("|", 1)[0].strip()
        if first in _SAMPLE_VALUES:
            values[field_name] = _SAMPLE_VALUES[first]
    return cls(**values)


def check_models(package_name: str, sample: int) -> tuple[int, int, int]:
    """Import a sample of model modules and round-trip their classes through JSON.

    Returns (model modules, modules imported, classes round-tripped)."""
    try:
        models = importlib.import_module(f"{package_name}.models")
    except ModuleNotFoundError:
        return 0, 0, 0  # an API without definitions
    modules = _submodules(models)
    chosen = _evenly_spread(modules, sample)
    round_tripped = 0
    for name in chosen:
        module = importlib.import_module(name)
        # A snapshot: decoding may add referenced classes to the module's globals.
        classes = [
            obj
            for obj in list(vars(module).values())
            if inspect.isclass(obj)
            and obj.__module__ == name
            and hasattr(obj, "from_json")
        ]
        for cls in classes:
            for instance in (cls(), _sample_instance(cls)):
                try:
                    decoded = cls.from_json(instance.to_json())
                # Any error is reported with the class that raised it.
                except Exception as error:
                    raise SmokeFailure(
                        f"{name}.{cls.__name__}: JSON round trip of {instance!r} raised "
                        f"{type(error).__name__}: {error}"
                    ) from error
                if decoded != instance:
                    raise SmokeFailure(
                        f"{name}.{cls.__name__} does not survive a JSON round trip: "
                        f"{instance!r} came back as {decoded!r}"
                    )
            round_tripped += 1
    return len(modules), len(chosen), round_tripped


def run(package_name: str, expected_version: str | None, sample: int) -> str:
    package = importlib.import_module(package_name)
    version = check_version(package, expected_version)
    api_modules, methods = check_apis(package_name)
    model_modules, imported, round_tripped = check_models(package_name, sample)
    return (
        f"{package_name} {version}: {api_modules} API modules ({methods} methods) imported; "
        f"{imported} of {model_modules} model modules imported, {round_tripped} model classes "
        f"round-tripped through JSON"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package")
    parser.add_argument("--expect-version")
    parser.add_argument(
        "--sample", type=int, default=DEFAULT_SAMPLE, help="model modules to import"
    )
    args = parser.parse_args(argv)
    try:
        print(run(args.package, args.expect_version, args.sample))
    except SmokeFailure as failure:
        print(f"smoke check failed: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
