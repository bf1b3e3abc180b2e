"""How the generated README and runtime section describe the spec's security schemes.

The runtime sends what each operation's schemes call for (runtime/_security.py); these
rows say, per scheme of the spec, how it travels and how the user supplies it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir.model import Api, SecurityScheme


@dataclass(frozen=True, slots=True)
class SecurityRow:
    name: str  # the scheme's name in the spec (what configuration.api_key is keyed by)
    kind: str  # "oauth2" | "jwt" (a key in the Authorization header) | "api_key" | "basic"
    sent_as: str  # markdown
    configure: str  # markdown


def is_authorization_key(scheme: SecurityScheme) -> bool:
    """An apiKey in the ``Authorization`` header: the token the client manages (a JWT)."""
    return (
        scheme.type == "apiKey"
        and (scheme.location or "header") == "header"
        and (scheme.parameter_name or "").lower() == "authorization"
    )


def security_rows(api: Api) -> tuple[SecurityRow, ...]:
    rows = []
    for scheme in api.security_schemes:
        name = scheme.name
        if scheme.type == "oauth2":
            flow = f" ({scheme.flow} flow)" if scheme.flow else ""
            rows.append(SecurityRow(name, "oauth2", f"OAuth 2 bearer token{flow}",
                                    "a grant of the client, or `ApiClient(access_token=...)`"))
        elif is_authorization_key(scheme):
            rows.append(SecurityRow(name, "jwt", "token in the `Authorization` header",
                                    "`api_client.set_jwt(token)` (or `access_token`)"))
        elif scheme.type == "apiKey":
            where = "query parameter" if scheme.location == "query" else "header"
            rows.append(SecurityRow(name, "api_key", f"API key in the `{scheme.parameter_name}` {where}",
                                    f"`configuration.api_key[{name!r}] = ...`".replace("'", '"')))
        elif scheme.type == "basic":
            rows.append(SecurityRow(name, "basic", "HTTP basic (`Authorization: Basic ...`)",
                                    "`configuration.username = ...`, `configuration.password = ...`"))
    return tuple(rows)
