"""Runs a call plan through a generated SDK; executed inside the SDK's own virtualenv.

Usage: python driver.py PACKAGE PLAN.json BASE_URL AUTH_MODE RESULTS.json

It imports nothing but the SDK and the standard library, builds every argument
from the plan's tagged values (models through their kwargs constructors), calls
the method, and checks that the result is an instance of the declared class.
One line of JSON per call goes to RESULTS.json; failures never stop the run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import json
import sys
import traceback
from typing import Any

SCALARS = {
    "str": str,
    "int": int,
    "float": (int, float),
    "bool": bool,
    "bytes": bytes,
    "date": dt.date,
    "datetime": dt.datetime,
}
TOKEN = "e2e-access-token"


def parse_datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


class ArgumentBuilder:
    def __init__(self, package: Any) -> None:
        self.package = package

    def model_class(self, name: str) -> type:
        return getattr(self.package, name)

    def build(self, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        if "$model" in value:
            fields = {key: self.build(item) for key, item in value["fields"].items()}
            return self.model_class(value["$model"])(**fields)
        if "$list" in value:
            return [self.build(item) for item in value["$list"]]
        if "$dict" in value:
            return {key: self.build(item) for key, item in value["$dict"].items()}
        if "$date" in value:
            return dt.date.fromisoformat(value["$date"])
        if "$datetime" in value:
            return parse_datetime(value["$datetime"])
        if "$raw" in value:
            return value["$raw"]
        if "$bytes" in value:
            return value["$bytes"].encode("utf-8")
        raise ValueError(f"unknown tagged value {value!r}")


def shape_problem(
    result: Any, shape: dict[str, Any], builder: ArgumentBuilder, where: str
) -> str | None:
    """None when ``result`` has the declared shape, else a description of the mismatch."""
    kind = shape["kind"]
    if kind == "none":
        return (
            None
            if result is None
            else f"{where}: expected None, got {type(result).__name__}"
        )
    if kind == "any":
        return None
    if kind == "model":
        expected = builder.model_class(shape["class"])
        if not isinstance(result, expected):
            return f"{where}: expected {shape['class']}, got {type(result).__name__}"
        return None
    if kind == "scalar":
        if not isinstance(result, SCALARS[shape["python"]]):
            return f"{where}: expected {shape['python']}, got {type(result).__name__}"
        return None
    if kind == "list":
        if not isinstance(result, list):
            return f"{where}: expected list, got {type(result).__name__}"
        for position, item in enumerate(result):
            problem = shape_problem(
                item, shape["items"], builder, f"{where}[{position}]"
            )
            if problem:
                return problem
        return None
    if kind == "dict":
        if not isinstance(result, dict):
            return f"{where}: expected dict, got {type(result).__name__}"
        for key, item in result.items():
            problem = shape_problem(item, shape["values"], builder, f"{where}[{key!r}]")
            if problem:
                return problem
        return None
    return f"{where}: unknown shape {kind}"


def make_clients(package: Any, base_url: str, auth_mode: str) -> tuple[Any, Any]:
    """A sync and an async client aimed at the recorder, with no retries (a retried
    request would hide the first answer) and no user config file."""
    configuration = package.Configuration(read_config_file=False)
    clients = []
    for client_class in (package.ApiClient, package.AsyncApiClient):
        if auth_mode == "jwt":
            client = client_class(
                host=base_url,
                configuration=configuration,
                max_retries=0,
                max_rate_limit_retries=0,
            )
            client.set_jwt(TOKEN)
        else:
            client = client_class(
                host=base_url,
                configuration=configuration,
                access_token=TOKEN,
                max_retries=0,
                max_rate_limit_retries=0,
            )
        clients.append(client)
    return clients[0], clients[1]


def run(
    package_name: str, plan_path: str, base_url: str, auth_mode: str, results_path: str
) -> int:
    package = importlib.import_module(package_name)
    builder = ArgumentBuilder(package)
    client, async_client = make_clients(package, base_url, auth_mode)
    with open(plan_path, encoding="utf-8") as handle:
        plan = json.load(handle)
    failures = 0
    loop = asyncio.new_event_loop()
    with open(results_path, "w", encoding="utf-8") as out:
        for call in plan:
            record: dict[str, Any] = {
                "operation_id": call["operation_id"],
                "async": call["use_async"],
            }
            try:
                arguments = {
                    name: builder.build(value)
                    for name, value in call["arguments"].items()
                }
                if call["use_async"]:
                    api = getattr(package, "Async" + call["api_class"])(async_client)
                    result = loop.run_until_complete(
                        getattr(api, call["method_name"])(**arguments)
                    )
                else:
                    api = getattr(package, call["api_class"])(client)
                    result = getattr(api, call["method_name"])(**arguments)
                record["result_type"] = type(result).__name__
                record["problem"] = shape_problem(
                    result, call["response"], builder, "result"
                )
            except Exception as error:  # noqa: BLE001
                # every failure is reported, the run goes on
                record["problem"] = f"{type(error).__name__}: {error}"[:2000]
                record["traceback"] = traceback.format_exc(limit=6)[-3000:]
            failures += record["problem"] is not None
            out.write(json.dumps(record) + "\n")
    loop.close()
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    sys.exit(run(*sys.argv[1:]))
