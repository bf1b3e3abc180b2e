"""shape_manifest: the public shape of a generated SDK as compact, sorted text.

One line per API method (its signature as rendered) and per model field (its type), so
a diff of two manifests shows exactly what users of the SDK would see change.
"""

from __future__ import annotations

from ..ir.model import Api
from .views import OperationView, api_modules, model_modules


def method_signature(op: OperationView) -> str:
    parts = [f"{p.python_name}: {p.annotation}" for p in op.required_params]
    if op.optional_params:
        parts.append("*")
    parts += [f"{p.python_name}: {p.annotation} | None = None" for p in op.optional_params]
    return f"{op.python_name}({', '.join(parts)}) -> {op.return_annotation}"


def shape_manifest(api: Api) -> str:
    lines: list[str] = [
        "# every method also takes request_options: RequestOptions | None = None (last);",
        "# every model field is `T | None | UnsetType = UNSET`; ` = 'x'` gives a differing wire name",
    ]
    for view in sorted(api_modules(api), key=lambda v: v.class_name):
        lines.append(f"api {view.class_name} / {view.async_class_name} ({view.module_name})")
        for op in sorted(view.operations, key=lambda o: o.python_name):
            flags = "".join(f" [{flag}]" for flag, on in (("deprecated", op.deprecated), ("preview", op.preview)) if on)
            lines.append(f"  {method_signature(op)}{flags}")
    models = [(model, module.module_name) for module in model_modules(api) for model in module.models]
    for model, module_name in sorted(models, key=lambda pair: pair[0].class_name):
        lines.append(f"model {model.class_name} ({module_name})")
        for f in sorted(model.fields, key=lambda f: f.python_name):
            wire = f" = {f.wire_name!r}" if f.wire_name is not None else ""
            lines.append(f"  {f.python_name}: {f.annotation.removesuffix(' | None | UnsetType')}{wire}")
    return "\n".join(lines) + "\n"
