"""render_sdk: IR -> {relative path: text} for a whole generated project (pure)."""

from __future__ import annotations

import ast
import keyword
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2

from ..ir.model import Api
from ..naming import (
    MODEL_STUBS_EXTRA,
    MODEL_STUBS_FOLDER,
    model_stubs_distribution,
    package_problem,
    top_level_alias,
)
from ..surface import FILE_UPLOAD_ANNOTATION, surface_of
from . import text
from .environment import RUNTIME_DIR, RUNTIME_DOC_PATHS, environment
from .examples import (
    RuntimeDocExamples,
    api_examples,
    readme_examples,
    runtime_doc_examples,
)
from .security import security_rows
from .features import FEATURE_RUNTIME_MODULES, features, guest_chat, topics_module
from .settings import RenderSettings
from .views import (
    FILE_UPLOAD_ALIAS,
    ApiModuleView,
    ModelModuleView,
    RenderError,
    annotation_names,
    api_modules,
    model_modules,
)

# Up to this many per-model stubs ship in the SDK's own wheel; more go to the companion
# project (see _model_stubs_project). 500 stubs cost ~150 KB; the Platform API's 6,448 cost
# 1.9 MB of a 4.4 MB wheel.
BUNDLED_MODEL_STUBS_LIMIT = 500

_TYPING_NAMES = ("Any", "BinaryIO", "Optional")
_DATETIME_NAMES = ("date", "datetime")


def render_sdk(
    api: Api, settings: RenderSettings, progress: Callable[[str, int, int], None] | None = None
) -> dict[str, str]:
    """Every file of the generated project, keyed by POSIX path relative to its root.

    Python files are not formatted yet (see :mod:`generator.render.format`); runtime
    modules are copied verbatim. ``progress(stage, done, total)`` is called after each
    API module (stage ``"apis"``) and model module (``"models"``).
    """
    env = environment()
    package = settings.package
    problem = package_problem(package)  # the CLI and sdkgen.yaml check the same rule first
    if problem is not None:
        raise RenderError(f"package name {problem}")
    surface = surface_of(api)
    models = model_modules(surface)
    apis = api_modules(surface, settings.line_length)
    files: dict[str, str] = {}

    present = features(api, settings)
    files.update(_runtime_files(package, features=present))
    files[f"{package}/py.typed"] = ""
    files[f"{package}/_version.py"] = env.get_template("_version.py.jinja").render(
        api=api, settings=settings, auth_mode=auth_mode(api), default_scheme=_default_scheme(api)
    )
    exports = _package_exports(package, apis, models, present)
    top_level_aliases = dict(exports["aliases"])
    files[f"{package}/__init__.py"] = env.get_template("package_init.py.jinja").render(
        module_docstring=text.docstring(_package_doc(api, settings), 0),
        lazy_names=[
            (name, module)
            for name, module in exports["lazy_names"]
            if not module.startswith(".models.") or name in top_level_aliases
        ],
        aliases=exports["aliases"],
    )
    files[f"{package}/__init__.pyi"] = env.get_template("package_init.pyi.jinja").render(**exports)
    topics_view = topics_module(api, settings)
    if topics_view is not None:
        files[f"{package}/topics.py"] = env.get_template("topics.py.jinja").render(view=topics_view)
        files[f"{package}/_topic_map.py"] = env.get_template("_topic_map.py.jinja").render(view=topics_view)
    guest_view = guest_chat(api)
    if guest_view is not None:
        files[f"{package}/_guest_chat_api.py"] = env.get_template("_guest_chat_api.py.jinja").render(view=guest_view)
    api_views = [(view, async_module_name(view)) for view in apis]
    files[f"{package}/apis/__init__.py"] = env.get_template("apis_init.py.jinja").render(api_modules=api_views)
    files[f"{package}/apis/__init__.pyi"] = env.get_template("apis_init.pyi.jinja").render(api_modules=api_views)
    files[f"{package}/models/__init__.py"] = env.get_template("models_init.py.jinja").render(
        modules=models, settings=settings
    )
    files[f"{package}/models/__init__.pyi"] = env.get_template("models_init.pyi.jinja").render(modules=models)
    model_stubs = _official_model_module_stubs(package, models, env.get_template("model_module.pyi.jinja"))
    companion = _companion(settings, model_stubs) if len(model_stubs) > BUNDLED_MODEL_STUBS_LIMIT else None
    if companion is None:
        files.update(model_stubs)
    else:
        files.update(_model_stubs_project(env, api, settings, model_stubs, companion))
    api_template = env.get_template("api.py.jinja")
    api_doc_template = env.get_template("api_doc.md.jinja")
    for done, view in enumerate(apis, 1):
        if progress is not None:
            progress("apis", done, len(apis))
        files[f"{package}/apis/{view.module_name}.py"] = _render_api_module(api_template, view, "sync")
        files[f"{package}/apis/{async_module_name(view)}.py"] = _render_api_module(api_template, view, "async")
        files[f"docs/apis/{view.module_name}.md"] = api_doc_template.render(
            api_module=view, examples=api_examples(package, view)
        )
    model_template = env.get_template("model.py.jinja")
    model_doc_template = env.get_template("model_doc.md.jinja")
    for done, module in enumerate(models, 1):
        if progress is not None:
            progress("models", done, len(models))
        files[f"{package}/models/{module.module_name}.py"] = model_template.render(
            module=module,
            module_docstring=text.docstring(
                [f"Model classes of the ``{module.module_name}`` group; import them from ``{package}.models``."], 0
            ),
        )
        files[f"docs/models/{module.module_name}.md"] = model_doc_template.render(module=module, settings=settings)
    files["docs/README.md"] = env.get_template("docs_index.md.jinja").render(
        settings=settings, api_modules=apis, modules=models
    )
    files["pyproject.toml"] = env.get_template("pyproject.toml.jinja").render(
        settings=settings,
        description=_description(api, settings),
        model_stubs=companion,
    )
    examples = readme_examples(package, apis, surface.types_by_definition)
    rows = security_rows(api)
    doc_examples = runtime_doc_examples(
        apis, surface.types_by_definition, {scheme.type for scheme in api.security_schemes}, examples, rows,
        topics=topics_view, guest_chat=guest_view is not None,
    )
    files["README.md"] = env.get_template("README.md.jinja").render(
        api=api,
        settings=settings,
        description=_description(api, settings),
        api_modules=apis,
        first_api=apis[0] if apis else None,
        operation_count=len(api.operations),
        model_count=len(surface.types),
        auth_mode=auth_mode(api),
        security_rows=rows,
        examples=examples,
        runtime_doc=runtime_doc(settings, examples=doc_examples),
        model_stubs=companion,
    )
    if settings.changelog:
        # The release history lives in the repository state (specs/); the package gets a copy.
        files["CHANGELOG.md"] = settings.changelog if settings.changelog.endswith("\n") else settings.changelog + "\n"
    return dict(sorted(files.items()))


def _official_model_module_stubs(
    package: str, models: tuple[ModelModuleView, ...], template: jinja2.Template
) -> dict[str, str]:
    """``models/user_entity_listing.pyi`` for every class: the official SDK's per-model import
    paths, which the runtime answers with a finder (_model_modules.py), resolved by type
    checkers too. One line each, no header: thousands of them ship in the wheel. A name taken by
    a real models module is left to that module (the finder defers to it as well)."""
    from ..runtime._model_modules import official_module_name  # the finder's own rule

    real_modules = {module.module_name for module in models}
    group_of = {model.class_name: module.module_name for module in models for model in module.models}
    # as the finder builds its map: in class name order, a later class wins a shared name
    by_module = {official_module_name(name): name for name in sorted(group_of)}
    return {
        f"{package}/models/{name}.pyi": template.render(class_name=class_name, group=group_of[class_name])
        for name, class_name in sorted(by_module.items())
        # a keyword cannot be written in an import statement (``models.class``): no stub
        if name not in real_modules and name.isidentifier() and not keyword.iskeyword(name)
    }


def _companion(settings: RenderSettings, stubs: dict[str, str]) -> dict[str, object]:
    """What the templates say of the companion project: its names, size and an example."""
    return {
        "folder": MODEL_STUBS_FOLDER,
        "extra": MODEL_STUBS_EXTRA,
        "distribution": model_stubs_distribution(settings.distribution),
        "count": len(stubs),
        "example": _example_stub(stubs),
    }


def _model_stubs_project(
    env: jinja2.Environment, api: Api, settings: RenderSettings, stubs: dict[str, str],
    companion: dict[str, object],
) -> dict[str, str]:
    """The companion project ``model-stubs/`` (naming.MODEL_STUBS_FOLDER): the per-model stubs
    in a wheel of their own, installed by the SDK's ``model-stubs`` extra. Thousands of files
    cost ~300 bytes each in a wheel whatever their content (zip headers and a RECORD line),
    more than half of what the rest of the SDK weighs, and only code that imports the
    official per-model paths *and* is type-checked needs them: the paths work at run time
    in every install."""
    project = {f"{MODEL_STUBS_FOLDER}/{path}": text for path, text in stubs.items()}
    for template, path in (("model_stubs_pyproject.toml.jinja", "pyproject.toml"),
                           ("model_stubs_README.md.jinja", "README.md")):
        project[f"{MODEL_STUBS_FOLDER}/{path}"] = env.get_template(template).render(
            settings=settings, api=api, companion=companion
        )
    return project


def _example_stub(stubs: dict[str, str]) -> tuple[str, str]:
    """(module path, class name) of one stub, for the README: the first in name order."""
    path, text = next(iter(sorted(stubs.items())))
    module = path.removesuffix(".pyi").replace("/", ".")
    return module, text.split(" import ", 1)[1].split(" as ", 1)[0].strip()


def auth_mode(api: Api) -> str:
    """``oauth2`` if any scheme is OAuth, else ``api_key`` if any is a key, else ``none``."""
    kinds = {scheme.type for scheme in api.security_schemes}
    if "oauth2" in kinds:
        return "oauth2"
    if "apiKey" in kinds:
        return "api_key"
    return "none"


def _default_scheme(api: Api) -> str:
    return "https" if "https" in api.schemes or not api.schemes else api.schemes[0]


def _description(api: Api, settings: RenderSettings) -> str:
    return settings.description or f"Python SDK for the {api.title} ({api.version})."


def _package_doc(api: Api, settings: RenderSettings) -> list[str]:
    return [
        f"{_description(api, settings)}",
        "Every public name (runtime, API classes, models) is importable from here; API and\n"
        "model modules are imported on first use, so ``import`` stays fast. A model whose\n"
        "name is also a runtime or API name is exported here as ``<Name>Model``\n"
        "(``ApiResponseModel``), and under its own name from ``.models``.",
    ]


def async_module_name(view: ApiModuleView) -> str:
    """The module of ``AsyncUsersApi`` (``_async_users_api``): apart from ``users_api`` so that
    a sync program never compiles it; ``users_api.AsyncUsersApi`` still resolves (lazily)."""
    return f"_async_{view.module_name}"


def _render_api_module(template: jinja2.Template, view: ApiModuleView, part: str) -> str:
    words = {
        name
        for op in view.operations
        for annotation in (op.return_annotation, *(p.signature_annotation for p in op.params))
        for name in annotation_names(annotation.replace("Optional[", "Optional ["))
    }
    uses_file_alias = FILE_UPLOAD_ALIAS in words
    if uses_file_alias:
        words |= annotation_names(FILE_UPLOAD_ANNOTATION)
    imports = []
    runtime_lines = []
    typing_names = [n for n in _TYPING_NAMES if n in words]
    datetime_names = [n for n in _DATETIME_NAMES if n in words]
    if datetime_names:
        imports.append(f"from datetime import {', '.join(datetime_names)}")
    # the upload alias is a real object (introspection evaluates annotations naming it), so
    # it and what it is made of are imported at run time, not for type checkers only
    where = runtime_lines if uses_file_alias else imports
    if "PathLike" in words:
        where.append("from os import PathLike")
    if typing_names:
        where.append(f"from typing import {', '.join(typing_names)}")
    imports += [f"from ..models.{module} import {', '.join(names)}" for module, names in view.model_imports]
    if uses_file_alias:
        runtime_lines += ["", f"{FILE_UPLOAD_ALIAS} = {FILE_UPLOAD_ANNOTATION}"]
    class_doc = [view.description or f"Operations tagged {view.tag}.", f"Generated from the {view.tag!r} tag."]
    return template.render(
        api_module=view,
        part=part,
        async_module=async_module_name(view),
        module_docstring=text.docstring(
            [f"{view.class_name} (and, loaded on first use, {view.async_class_name})."]
            if part == "sync"
            else [f"{view.async_class_name}, the async twin of ``{view.module_name}.{view.class_name}``."],
            0,
        ),
        type_checking_imports=imports,
        runtime_lines=runtime_lines,
        class_docstrings=(
            text.docstring(class_doc, 4),
            text.docstring(class_doc + [f"The async twin of {view.class_name}."], 4),
        ),
    )


def _package_exports(package: str, apis: tuple[ApiModuleView, ...], models: tuple[ModelModuleView, ...],
                     present: frozenset[str] = frozenset()) -> dict:
    """Top-level names: runtime first (with the names of the features this SDK has), then
    API classes, then models (a model whose name is taken keeps living in ``.models`` only)."""
    exported: dict[str, str] = {name: f".{module}" for name, module in runtime_public_names().items()}
    aliases: dict[str, str] = {}  # top-level name -> the model class it stands for
    for feature in sorted(present):
        exported.update({name: f".{module}" for name, module in runtime_feature_names().get(feature, {}).items()})
    for view in apis:
        for class_name, module_name in ((view.class_name, view.module_name),
                                        (view.async_class_name, async_module_name(view))):
            if class_name in exported:
                raise RenderError(f"API class {class_name!r} has the name of a runtime export; rename the tag")
            exported[class_name] = f".apis.{module_name}"
    # A model whose name the runtime or an API class holds at the top level is exported
    # there as ``<Name>Model`` (naming.top_level_alias), and as itself from ``.models``.
    model_names = {model.class_name for module in models for model in module.models}
    for module in models:
        for model in module.models:
            if model.class_name in exported:
                alias = top_level_alias(model.class_name, exported.keys() | model_names)
                exported[alias] = f".models.{module.module_name}"
                aliases[alias] = model.class_name
            else:
                exported[model.class_name] = f".models.{module.module_name}"
    by_module: dict[str, list[str]] = {}
    for name, module in exported.items():
        by_module.setdefault(module, []).append(name)
    return {
        "lazy_names": sorted(exported.items()),
        "aliases": sorted(aliases.items()),
        "type_checking_imports": [
            (module, sorted(name for name in names if name not in aliases))
            for module, names in sorted(by_module.items())
            if any(name not in aliases for name in names)
        ],
        # an ``X as Y`` import is no re-export for type checkers (PEP 484): a module variable is
        "alias_imports": [(exported[alias], name, alias) for alias, name in sorted(aliases.items())],
    }


def runtime_public_names(runtime_dir: Path | None = None) -> dict[str, str]:
    """``PUBLIC_NAMES`` of runtime/_public.py ({public name: runtime module}), read without
    importing it; empty when the file does not exist yet."""
    value = _public_literal("PUBLIC_NAMES", runtime_dir)
    return {} if value is None else {str(k): str(v) for k, v in value.items()}


def runtime_feature_names(runtime_dir: Path | None = None) -> dict[str, dict[str, str]]:
    """``FEATURE_NAMES`` of runtime/_public.py: {feature: {public name: module}}."""
    value = _public_literal("FEATURE_NAMES", runtime_dir, required=False)
    return {} if value is None else {str(f): {str(k): str(v) for k, v in names.items()} for f, names in value.items()}


def _public_literal(name: str, runtime_dir: Path | None, required: bool = True) -> Mapping | None:
    path = (RUNTIME_DIR if runtime_dir is None else runtime_dir) / "_public.py"
    if not path.is_file():
        return None
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == name and node.value is not None:
            value = ast.literal_eval(node.value)
            if isinstance(value, Mapping):
                return value
    if required:
        raise RenderError(f"{path}: no literal {name} dict found")
    return None


def _runtime_files(package: str, runtime_dir: Path = RUNTIME_DIR, features: frozenset[str] | None = None) -> dict[str, str]:
    """Every runtime source (and stub) except its own ``__init__.py``, copied as is; a feature's own
    modules (``FEATURE_RUNTIME_MODULES``) only when ``features`` has it (``None``: all)."""
    skipped = {
        module
        for feature, modules in FEATURE_RUNTIME_MODULES.items()
        if features is not None and feature not in features
        for module in modules
    }
    files = {}
    for path in sorted([*runtime_dir.rglob("*.py"), *runtime_dir.rglob("*.pyi")]):
        relative = path.relative_to(runtime_dir)
        if relative == Path("__init__.py") or "__pycache__" in relative.parts or relative.as_posix() in skipped:
            continue
        files[f"{package}/{relative.as_posix()}"] = path.read_text(encoding="utf-8")
    return files


def runtime_file_paths(files: Mapping[str, str], package: str, runtime_dir: Path = RUNTIME_DIR) -> set[str]:
    """Which entries of a rendered tree are runtime copies (left unformatted)."""
    return {p for p in _runtime_files(package, runtime_dir) if p in files}


def runtime_doc(
    settings: RenderSettings,
    paths: tuple[Path, ...] | None = None,
    examples: RuntimeDocExamples | None = None,
) -> str:
    """docs/runtime.md of the runtime, rendered for this SDK and with its headings nested under
    the README's "Runtime" section ("" if there is none). Its variables: ``package``,
    ``distribution`` and the fields of :class:`RuntimeDocExamples` (the SDK's own API class,
    calls, listing, body model and auth mode, so that every example runs in this SDK)."""
    for path in RUNTIME_DOC_PATHS if paths is None else paths:
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            try:
                doc = jinja2.Environment(
                    undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True
                ).from_string(source)
                context = examples.context() if examples is not None else {}
                rendered = doc.render(package=settings.package, distribution=settings.distribution, **context)
            except jinja2.TemplateError as error:
                raise RenderError(f"{path}: {error}") from error
            return _demote_headings(rendered.strip())
    return ""


def _demote_headings(markdown: str) -> str:
    """Nest the runtime doc's headings under the README's "Runtime" section."""
    lines = []
    in_code = False
    for line in markdown.split("\n"):
        if line.startswith("```"):
            in_code = not in_code
        lines.append("#" * 2 + line if not in_code and line.startswith("#") else line)
    return "\n".join(lines)
