"""openapi-spec-validator findings that do not stop generation: warnings, with their place.

Each is a construct sdkgen generates a correct SDK from, although the validator (which
checks schemas as JSON Schema draft 4 and knows no vendor extensions) rejects it:

- ``invalid-default``: a ``default`` the schema does not accept (Docker's ``default: null``
  beside ``x-nullable: true``, Karmada's ``default: ""`` outside its enum). A default
  documents what the server assumes; the SDK never sends or checks it.
- ``type: file`` as a response schema (Harbor): valid Swagger 2.0 (a binary download),
  which the draft-4 schema check does not know.

Everything else stays an error; ``--strict`` makes these errors too.
"""

from __future__ import annotations

import re

from generator.diagnostics import Level
from generator.loader.line_index import unescape_pointer_token
from generator.validate.schema import Finding

_FILE_RESPONSE = re.compile(r"(?:^|/)responses/[^/]+/schema/type$")


def tolerated(data: object, finding: Finding) -> Finding:
    """``finding``, as a warning when sdkgen reads the construct correctly."""
    if finding.level != Level.ERROR:
        return finding
    if finding.code == "invalid-default":
        return finding._replace(
            level=Level.WARNING,
            message=f"{finding.message} (a default only documents the server's behaviour: "
            "the SDK neither sends nor checks it)",
        )
    if finding.code == "invalid-schema" and _FILE_RESPONSE.search(finding.pointer) and _value(data, finding.pointer) == "file":
        return finding._replace(
            level=Level.WARNING,
            code="file-response",
            message="`type: file` response: valid Swagger 2.0 (a download, returned as bytes), "
            "which openapi-spec-validator's JSON Schema check does not know",
        )
    return finding


def _value(data: object, pointer: str) -> object:
    for token in pointer.split("/")[1:]:
        token = unescape_pointer_token(token)
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data
