"""shape_manifest: the public shape of a generated SDK as compact, sorted text.

A dump of the SDK's :class:`~generator.surface.Surface`: one line per API method (its
signature as rendered), per model field (its type), per enum (its constants) and per type
alias, so a diff of two manifests shows exactly what users of the SDK would see change.
"""

from __future__ import annotations

from ..ir.model import Api
from ..surface import MethodSurface, Surface, surface_of


def method_signature(method: MethodSurface) -> str:
    required = [p for p in method.signature if p.required]
    optional = [p for p in method.signature if not p.required]
    parts = [f"{p.python_name}: {p.type.text}" for p in required]
    if optional:
        parts.append("*")
    parts += [f"{p.python_name}: {p.type.text} | None = None" for p in optional]
    return f"{method.python_name}({', '.join(parts)}) -> {method.returns.text}"


def shape_manifest(api: Api | Surface) -> str:
    surface = api if isinstance(api, Surface) else surface_of(api)
    lines: list[str] = [
        "# every method also takes request_options: RequestOptions | None = None (last);",
        "# every model field is `T | None = None`; ` = 'x'` gives a differing wire name",
    ]
    for group in sorted(surface.apis, key=lambda g: g.name):
        lines.append(f"api {group.name} / {group.async_name} ({group.module})")
        for method in sorted(group.methods, key=lambda m: m.python_name):
            flags = "".join(f" [{flag}]" for flag, on in (("deprecated", method.deprecated),
                                                          ("preview", method.preview)) if on)
            lines.append(f"  {method_signature(method)}{flags}")
    for named in sorted(surface.types, key=lambda t: t.name):
        if named.kind == "enum":
            lines.append(f"enum {named.name} ({named.module})")
            lines += [f"  {m.name} = {m.value!r}" for m in named.members]
            continue
        if named.kind == "alias":
            lines.append(f"alias {named.name} ({named.module}) = {named.alias_of.text if named.alias_of else 'Any'}")
            continue
        base = f"({named.base})" if named.base else ""
        tag = f" [{named.discriminator}={named.tag!r}]" if named.discriminator else ""
        lines.append(f"model {named.name}{base} ({named.module}){tag}")
        for f in sorted(named.fields, key=lambda f: f.python_name):
            wire = f" = {f.wire_name!r}" if f.wire_name != f.python_name else ""
            lines.append(f"  {f.python_name}: {f.type.text}{wire}")
    return "\n".join(lines) + "\n"
