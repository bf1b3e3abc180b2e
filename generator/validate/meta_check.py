"""A faster, equivalent form of openapi-spec-validator's per-schema meta check.

For every schema it meets, the library checks the schema itself against the JSON Schema
draft-04 meta-schema with the Python ``jsonschema`` package (``OAS30Validator.check_schema``):
about a third of the keyword pass on the Platform spec (2,525 schemas).

Here jsonschema-rs answers "valid?" first, with the same meta-schema and the same format
rules; only a schema it rejects goes through the library's own check, so the error and
its wording are exactly the library's. Format rules: the meta-schema uses two formats,
``uri`` (which the library's format checker does not check) and ``regex`` (which it checks
with Python's ``re``): the fast path does the same, so a pattern that only Python rejects,
like ``(?<name>...)``, is still an error, and one only Python accepts, like ``(?P<name>...)``,
is not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def _python_regex_is_valid(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _accept_any(_: str) -> bool:
    return True


def fast_meta_check_validator_class(schema_validator_class: type) -> type | None:
    """A subclass of the library's "schema" keyword validator with the fast meta check,
    or None when jsonschema-rs is not installed (then the library's class is used as is).
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    from openapi_schema_validator import OAS30Validator

    meta_schema = OAS30Validator.META_SCHEMA
    if meta_schema.get("$schema") != "http://json-schema.org/draft-04/schema#":
        return None  # a library change we have not checked equivalence for
    fast_validator = jsonschema_rs.Draft4Validator(
        meta_schema,
        validate_formats=True,
        formats={"regex": _python_regex_is_valid, "uri": _accept_any},
    )

    def _get_schema_checker(
        self, schema: Any, schema_value: Any
    ) -> Callable[[Any], None]:
        library_checker = schema_validator_class._get_schema_checker(
            self, schema, schema_value
        )

        def check(value: Any) -> None:
            if not fast_validator.is_valid(value):
                library_checker(value)  # raises with the library's own message

        return check

    return type(
        schema_validator_class.__name__,
        (schema_validator_class,),
        {"_get_schema_checker": _get_schema_checker},
    )
