"""Index credentials from the environment, and the redaction that keeps them out of logs.

The token is read from ``SDKGEN_INDEX_TOKEN`` (else twine's own ``TWINE_PASSWORD``); the
user from ``SDKGEN_INDEX_USER`` (else ``TWINE_USERNAME``, else ``__token__``, which is
what PyPI expects with an API token). The token never appears in a repr, a message or
a command line: it reaches twine through the child's environment only.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

TOKEN_VARIABLES = ("SDKGEN_INDEX_TOKEN", "TWINE_PASSWORD")
USER_VARIABLES = ("SDKGEN_INDEX_USER", "TWINE_USERNAME")
DEFAULT_USER = "__token__"
REDACTED = "[redacted]"


@dataclass(frozen=True)
class IndexCredentials:
    username: str
    token: str | None = field(default=None, repr=False)

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None
    ) -> IndexCredentials:
        environ = os.environ if environ is None else environ
        token = next(
            (environ[name] for name in TOKEN_VARIABLES if environ.get(name)), None
        )
        user = next(
            (environ[name] for name in USER_VARIABLES if environ.get(name)),
            DEFAULT_USER,
        )
        return cls(username=user, token=token)

    @property
    def basic_auth(self) -> tuple[str, str] | None:
        return (self.username, self.token) if self.token else None

    def redact(self, text: str) -> str:
        """``text`` with every spelling of the token a tool might echo replaced."""
        if not self.token:
            return text
        basic = base64.b64encode(f"{self.username}:{self.token}".encode()).decode()
        for secret in sorted(
            {self.token, quote(self.token, safe=""), basic}, key=len, reverse=True
        ):
            text = text.replace(secret, REDACTED)
        return text
