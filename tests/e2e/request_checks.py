"""Compare recorded requests with the plan's expectations, and spot Prism rejections.

Checks what Prism does not: ``collectionFormat: multi`` arrays repeated, path
values percent-escaped, header parameters sent, JSON bodies keyed by wire names
with no unset fields (the expected body holds exactly the fields the call set).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote

from recorder import RecordedExchange

PRISM_ERROR_TYPE_PREFIX = "https://stoplight.io/prism/errors#"
# RFC 3986 pchar: unreserved / pct-encoded / sub-delims / ":" / "@"
PATH_SEGMENT = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*")


def normalise(value: Any) -> Any:
    """Make equal values compare equal: ISO datetimes in any offset spelling become UTC."""
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if (
        isinstance(value, str)
        and len(value) >= 19
        and value[4:5] == "-"
        and value[10:11] == "T"
    ):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(dt.timezone.utc)
        return parsed.isoformat()
    return value


def request_key(method: str, decoded_segments: Iterable[str]) -> str:
    return method.upper() + " " + "/".join(decoded_segments)


def exchange_key(exchange: RecordedExchange) -> str:
    return request_key(
        exchange.method, (unquote(s) for s in exchange.raw_path.split("/"))
    )


def prism_rejection(exchange: RecordedExchange) -> str | None:
    """Prism's problem type and details when it refused the request, else None."""
    content_type = exchange.response_header("Content-Type") or ""
    if "json" not in content_type or exchange.status < 400:
        return None
    try:
        problem = json.loads(exchange.response_body)
    except ValueError:
        return None
    if not isinstance(problem, dict) or not str(problem.get("type", "")).startswith(
        PRISM_ERROR_TYPE_PREFIX
    ):
        return None
    kind = problem["type"][len(PRISM_ERROR_TYPE_PREFIX) :]
    details = problem.get("validation") or problem.get("detail") or problem.get("title")
    return f"{exchange.status} {kind}: {json.dumps(details)[:600]}"


def check_exchange(
    exchange: RecordedExchange, expected: Mapping[str, Any], auth_token: str
) -> list[str]:
    """Every way ``exchange`` differs from what the spec says the call must send."""
    problems: list[str] = []
    raw_segments = exchange.raw_path.split("/")
    for raw in raw_segments:
        if not PATH_SEGMENT.fullmatch(raw):
            problems.append(f"path segment {raw!r} is not percent-escaped")
    decoded = [unquote(raw) for raw in raw_segments]
    if decoded != expected["path_segments"]:
        problems.append(f"path {decoded} != expected {expected['path_segments']}")

    sent_query = Counter(
        (name, json.dumps(normalise(value)))
        for name, value in parse_qsl(exchange.raw_query, keep_blank_values=True)
    )
    wanted_query = Counter(
        (name, json.dumps(normalise(value))) for name, value in expected["query"]
    )
    if sent_query != wanted_query:
        missing = sorted((wanted_query - sent_query).elements())
        extra = sorted((sent_query - wanted_query).elements())
        problems.append(
            f"query differs: missing {missing}, unexpected {extra} (raw {exchange.raw_query!r})"
        )

    for name, value in expected["headers"].items():
        sent = exchange.header(name)
        if sent != value:
            problems.append(f"header {name}: sent {sent!r}, expected {value!r}")

    if expected["auth_header"]:
        authorization = exchange.header("Authorization") or ""
        if auth_token not in authorization:
            problems.append(
                f"Authorization header {authorization!r} does not carry the token"
            )

    if expected["has_body"]:
        content_type = (exchange.header("Content-Type") or "").split(";")[0].strip()
        if content_type not in expected.get("content_types", ["application/json"]):
            problems.append(
                f"body sent with Content-Type {content_type!r}, "
                f"not one the operation consumes {expected.get('content_types')}"
            )
        try:
            sent_body = json.loads(exchange.body or b"null")
        except ValueError:
            problems.append(f"body is not JSON: {exchange.body[:200]!r}")
        else:
            if normalise(sent_body) != normalise(expected["body"]):
                problems.append(
                    f"body differs:\n  sent     {json.dumps(sent_body)[:800]}\n"
                    f"  expected {json.dumps(expected['body'])[:800]}"
                )
    elif expected.get("form_kind"):
        problems += check_form(exchange, expected)
    elif exchange.body:
        problems.append(f"unexpected body {exchange.body[:200]!r}")
    return problems


def check_form(exchange: RecordedExchange, expected: Mapping[str, Any]) -> list[str]:
    """formData parameters: urlencoded pairs, or multipart text fields and file parts."""
    content_type = exchange.header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip()
    wanted_fields = Counter(tuple(pair) for pair in expected["form"])
    wanted_files = Counter(tuple(pair) for pair in expected["files"])
    if expected["form_kind"] == "urlencoded":
        if media_type != "application/x-www-form-urlencoded":
            return [
                f"form sent as {media_type!r}, expected application/x-www-form-urlencoded"
            ]
        sent = Counter(
            parse_qsl(
                exchange.body.decode("ascii", errors="replace"), keep_blank_values=True
            )
        )
        return (
            []
            if sent == wanted_fields
            else [
                f"form fields {sorted(sent.elements())} != {sorted(wanted_fields.elements())}"
            ]
        )
    if media_type != "multipart/form-data":
        return [f"form sent as {media_type!r}, expected multipart/form-data"]
    message = email.message_from_bytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + exchange.body,
        policy=email.policy.HTTP,
    )
    fields: Counter = Counter()
    files: Counter = Counter()
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True).decode("utf-8", errors="replace")
        (files if part.get_filename() is not None else fields)[(name, content)] += 1
    problems = []
    if fields != wanted_fields:
        problems.append(
            f"multipart fields {sorted(fields.elements())} != {sorted(wanted_fields.elements())}"
        )
    if files != wanted_files:
        problems.append(
            f"multipart files {sorted(files.elements())} != {sorted(wanted_files.elements())}"
        )
    return problems


def index_exchanges(
    exchanges: Iterable[RecordedExchange],
) -> dict[str, list[RecordedExchange]]:
    by_key: dict[str, list[RecordedExchange]] = {}
    for exchange in exchanges:
        by_key.setdefault(exchange_key(exchange), []).append(exchange)
    return by_key
