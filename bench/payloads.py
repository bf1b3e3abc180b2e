"""A realistic 1,000-user ``UserEntityListing`` payload, built from the spec's schema.

Every user carries the properties of the ``User`` schema two levels deep (as a
listing with expands returns them), distinct ids/names/emails, and what a newer
API version would send: unknown fields at several levels and unknown enum
values. Both SDKs must decode it without error.
"""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from typing import Any

from bench_generate import spec_path

REPO_ROOT = Path(__file__).resolve().parents[1]
UNKNOWN_STATE = "archived-in-a-future-release"


def _schema_values_class() -> type:
    """The e2e tests' deterministic schema example builder (one implementation for both)."""
    location = REPO_ROOT / "tests" / "e2e" / "schema_values.py"
    spec = importlib.util.spec_from_file_location("bench_schema_values", location)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SchemaValues


def user_listing(definitions: dict[str, Any], count: int = 1000) -> dict[str, Any]:
    template = _schema_values_class()(definitions, max_depth=2).value(
        {"$ref": "#/definitions/User"}
    )
    users = []
    for index in range(count):
        user = copy.deepcopy(template)
        user["id"] = f"{index:08x}-5717-4562-b3fc-2c963f66afa6"
        user["name"] = f"User {index}"
        user["email"] = f"user{index}@example.com"
        user["username"] = f"user{index}@example.com"
        user["version"] = index + 1
        user["selfUri"] = f"/api/v2/users/{user['id']}"
        if index % 7 == 0:
            user["state"] = (
                UNKNOWN_STATE  # an enum value this SDK version does not know
            )
        user["futureTopLevelField"] = {
            "rollout": index,
            "flags": ["a", "b"],
        }  # unknown field
        if isinstance(user.get("division"), dict):
            user["division"][
                "futureNestedField"
            ] = f"n{index}"  # unknown field, nested model
        users.append(user)
    return {
        "entities": users,
        "pageSize": count,
        "pageNumber": 1,
        "total": count * 3,
        "pageCount": 3,
        "firstUri": "/api/v2/users?pageSize=1000&pageNumber=1",
        "selfUri": "/api/v2/users?pageSize=1000&pageNumber=1",
        "nextUri": "/api/v2/users?pageSize=1000&pageNumber=2",
        "lastUri": "/api/v2/users?pageSize=1000&pageNumber=3",
        "futureListingField": True,
    }


def write_user_listing(destination: Path, count: int = 1000) -> Path:
    if not destination.exists():
        with __import__("gzip").open(
            spec_path("269.0.0"), "rt", encoding="utf-8"
        ) as handle:
            definitions = json.load(handle)["definitions"]
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(
            json.dumps(user_listing(definitions, count)), encoding="utf-8"
        )
    return destination
