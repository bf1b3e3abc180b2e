"""render_sdk: golden output of every fixture spec (syrupy), determinism, layout,
and the small pure helpers the templates rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.loader import load_spec
from generator.render import RenderError, RenderSettings, render_sdk
from generator.render import text
from generator.render.format import format_files
from generator.render.sdk import runtime_file_paths, runtime_public_names
from generator.surface import build_surface
from generator.ir.model import TypeRef

SPECS = Path(__file__).resolve().parents[1] / "fixtures" / "specs"
FIXTURES = sorted(p.name for p in SPECS.iterdir() if p.suffix in (".yaml", ".yml", ".json"))


PINNED_PUBLIC_NAMES = {"ApiClient": "api_client", "ApiException": "rest", "configuration": "configuration"}
PINNED_FEATURE_NAMES = {"notification_topics": {"topics": "topics"}, "guest_chat": {"GuestChatSession": "guest_chat"}}


def build_fixture(name: str):
    diagnostics = Diagnostics()
    api = build_api(load_spec(str(SPECS / name)), diagnostics)
    assert not diagnostics.has_errors, [d.format() for d in diagnostics]
    return api


def settings_for(name: str) -> RenderSettings:
    stem = name.split(".")[0]
    return RenderSettings(package=f"{stem}_sdk", distribution=f"{stem.replace('_', '-')}-sdk", version="1.2.3")


def rendered(name: str) -> dict[str, str]:
    return render_sdk(build_fixture(name), settings_for(name))


@pytest.mark.parametrize("name", FIXTURES)
def test_rendered_output_matches_snapshot(name, snapshot, monkeypatch):
    """The whole generated project, formatted, except the runtime copies (the runtime's own
    tests cover those). What the runtime contributes (its public names, its docs) is pinned
    here so that runtime work does not churn these snapshots."""
    from generator.render import sdk

    monkeypatch.setattr(sdk, "RUNTIME_DOC_PATHS", ())
    monkeypatch.setattr(sdk, "runtime_public_names", lambda runtime_dir=None: PINNED_PUBLIC_NAMES)
    monkeypatch.setattr(sdk, "runtime_feature_names", lambda runtime_dir=None: PINNED_FEATURE_NAMES)
    files = rendered(name)
    runtime = runtime_file_paths(files, settings_for(name).package)
    generated = {path: body for path, body in format_files(files, skip=runtime).items() if path not in runtime}
    assert generated == snapshot


@pytest.mark.parametrize("name", FIXTURES)
def test_rendering_is_deterministic(name):
    assert rendered(name) == rendered(name)
    assert list(rendered(name)) == sorted(rendered(name))


def test_layout_of_the_generated_project():
    files = rendered("kitchen_sink.yaml")
    package = "kitchen_sink_sdk"
    for expected in (
        "pyproject.toml", "README.md", f"{package}/__init__.py", f"{package}/_version.py",
        f"{package}/py.typed", f"{package}/_models.py", f"{package}/_operation.py",
        f"{package}/apis/__init__.py", f"{package}/apis/users_api.py", f"{package}/models/__init__.py",
        f"{package}/models/user.py", "docs/apis/users_api.md", "docs/models/user.md",
    ):
        assert expected in files
    assert not any(path.startswith(f"{package}/docs") for path in files)
    runtime_dir = Path(__file__).resolve().parents[2] / "generator" / "runtime"
    assert files[f"{package}/_models.py"] == (runtime_dir / "_models.py").read_text()
    assert f"{package}/__init__.py" in files and "generator/runtime/__init__" not in "".join(files)


def test_every_generated_file_opens_with_the_header():
    files = rendered("kitchen_sink.yaml")
    runtime = runtime_file_paths(files, "kitchen_sink_sdk")
    for path, body in files.items():
        if path in runtime or path.endswith("py.typed"):
            continue
        if path.endswith(".pyi") and "/models/" in path and not path.endswith("__init__.pyi"):
            # the one-line stubs of the official per-model paths: thousands ship in the wheel
            assert body.count("\n") == 1 and body.startswith("from ."), path
            continue
        first_line = body.split("\n", 1)[0]
        assert text.HEADER_TEXT in first_line, path


def test_free_form_objects_and_enum_definitions_are_named_types_but_fields_stay_plain():
    files = rendered("kitchen_sink.yaml")
    models_init = files["kitchen_sink_sdk/models/__init__.py"]
    assert '"color Color\\n"' in models_init and '"free FreeFormThing\\n"' in models_init
    assert "class Color(_OpenEnum):" in files["kitchen_sink_sdk/models/color.py"]
    assert "FreeFormThing = dict[str, Any]" in files["kitchen_sink_sdk/models/free.py"]
    # a field referring to the enum is a plain str: unknown values decode, and an inline
    # enum in its place would look the same
    assert "color: str | None = None" in files["kitchen_sink_sdk/models/user.py"]


def test_sync_and_async_classes_have_the_same_methods():
    files = rendered("kitchen_sink.yaml")
    sync_part = files["kitchen_sink_sdk/apis/users_api.py"]
    # the async twin has its own module, which a sync program never compiles
    async_part = files["kitchen_sink_sdk/apis/_async_users_api.py"]
    assert "class AsyncUsersApi(AsyncBaseApi):" in async_part and "class AsyncUsersApi" not in sync_part
    sync_methods = [line.strip()[4:].split("(")[0] for line in sync_part.splitlines() if line.startswith("    def ")]
    async_methods = [line.strip()[10:].split("(")[0] for line in async_part.splitlines() if line.startswith("    async def ")]
    assert sync_methods == async_methods and "get_user" in sync_methods


def test_runtime_public_names_are_read_without_importing(tmp_path):
    (tmp_path / "_public.py").write_text('import does_not_exist\nPUBLIC_NAMES: dict[str, str] = {"A": "a"}\n')
    assert runtime_public_names(tmp_path) == {"A": "a"}
    (tmp_path / "_public.py").write_text("PUBLIC = 1\n")
    with pytest.raises(RenderError, match="PUBLIC_NAMES"):
        runtime_public_names(tmp_path)
    assert runtime_public_names(tmp_path / "missing") == {}


def test_type_expressions():
    surface = build_surface(build_fixture("kitchen_sink.yaml"))

    def type_expression(type_ref, _models):
        return surface.type_of(type_ref).text

    models = None
    string = TypeRef("primitive", name="string")
    assert type_expression(TypeRef("array", items=TypeRef("model", model="User")), models) == "list[User]"
    assert type_expression(TypeRef("map", items=string), models) == "dict[str, str]"
    assert type_expression(TypeRef("model", model="Color"), models) == "str"
    assert type_expression(TypeRef("model", model="Free.Form-Thing"), models) == "dict[str, Any]"
    assert type_expression(TypeRef("primitive", name="string", format="date-time"), models) == "datetime"
    assert type_expression(TypeRef("primitive", name="integer", format="int64"), models) == "int"
    assert type_expression(TypeRef("model", model="Missing"), models) == "Any"
    assert type_expression(None, models) == "Any"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Short."], '"""Short."""'),
        ([""], '"""(no description)"""'),
        (['ends with a "quote"'], '"""ends with a "quote"\n    """'),
        (['"starts" quoted'], '"""\\"starts" quoted"""'),
        (["a \\ b"], '"""a \\\\ b"""'),
        (['x """ y'], '"""x \\"\\"\\" y"""'),
        (["line\r\nbreak\x0cand\u2028more\tend  "], '"""line\n    break\n    and\n    more    end\n    """'),
    ],
)
def test_docstrings_are_escaped_and_normalised(paragraphs, expected):
    assert text.docstring(paragraphs, 4) == expected
    compile(f"def f():\n    {text.docstring(paragraphs, 4)}\n", "<docstring>", "exec")


@pytest.mark.parametrize("name", FIXTURES)
def test_python_examples_in_readme_and_docs_compile(name):
    files = rendered(name)
    documents = {path: body for path, body in files.items() if path.endswith(".md")}
    blocks = 0
    for path, body in documents.items():
        for block in body.split("```python\n")[1:]:
            code = block.split("\n```", 1)[0]
            if path.startswith("docs/apis/") and code.count("\n") == 0:
                continue  # the one-line signature summary, not a runnable snippet
            compile(code, f"{path} example", "exec")
            blocks += 1
    assert blocks > 5


def test_readme_uses_real_operations():
    readme = rendered("kitchen_sink.yaml")["README.md"]
    assert "api.get_user(\"user_id_example\")" in readme
    assert "api.post_users(body)" in readme and "CreateUser(name=\"name_example\", email=\"email_example\")" in readme
    assert "api.get_users(page_size=100, page_number=page_number)" in readme
    assert "get_client_credentials_token" in readme and "from kitchen_sink_sdk import ApiException" in readme
    guest = rendered("guest_chat_like.yaml")["README.md"]
    assert "api_client.set_jwt(session.jwt)" in guest


def test_runtime_doc_is_rendered_with_the_package_name(tmp_path):
    from generator.render.sdk import runtime_doc

    doc = tmp_path / "runtime.md"
    doc.write_text("# Runtime\n\n## Retries\n\n```python\n# a comment, not a heading\nimport {{ package }}\n```\n")
    rendered_doc = runtime_doc(settings_for("x.yaml"), (tmp_path / "missing.md", doc))
    assert rendered_doc == "### Runtime\n\n#### Retries\n\n```python\n# a comment, not a heading\nimport x_sdk\n```"
    assert runtime_doc(settings_for("x.yaml"), (tmp_path / "missing.md",)) == ""
    doc.write_text("{{ no_such_variable }}")
    with pytest.raises(RenderError, match="runtime.md"):
        runtime_doc(settings_for("x.yaml"), (doc,))


@pytest.mark.parametrize("package,reason", [("my-sdk", "not a valid Python package name"),
                                            ("class", "is a Python keyword"),
                                            ("json", "is a standard-library module")])
def test_invalid_package_name_is_refused(package, reason):
    """render_sdk applies naming.package_problem itself: a library caller skips the CLI's check."""
    api = build_fixture("guest_chat_like.yaml")
    with pytest.raises(RenderError, match=reason):
        render_sdk(api, RenderSettings(package=package, distribution="my-sdk", version="1"))


def test_progress_is_reported_per_module():
    seen = []
    render_sdk(build_fixture("kitchen_sink.yaml"), settings_for("kitchen_sink.yaml"), progress=lambda *a: seen.append(a))
    assert ("apis", 3, 3) in seen and seen[-1][0] == "models" and seen[-1][1] == seen[-1][2]


def test_an_async_twin_clashing_with_another_api_class_is_reported():
    from types import SimpleNamespace

    def operation(tag: str, operation_id: str) -> dict:
        return {"tags": [tag], "operationId": operation_id, "responses": {"204": {"description": "none"}}}

    spec = {
        "swagger": "2.0",
        "info": {"title": "Clash", "version": "1"},
        "paths": {"/a": {"get": operation("Users", "getA")}, "/b": {"get": operation("Async Users", "getB")}},
    }
    api = build_api(SimpleNamespace(data=spec, source="clash.json"), Diagnostics())
    with pytest.raises(RenderError, match="AsyncUsersApi"):
        render_sdk(api, settings_for("clash.json"))


def test_signature_annotations_avoid_long_top_level_unions():
    from generator.surface import FILE_UPLOAD_ANNOTATION
    from generator.render.views import _signature_annotation

    assert _signature_annotation("expand", "list[str]", False, 88) == "list[str] | None"
    assert _signature_annotation("user_id", "str", True, 88) == "str"
    long_name = "notification_payload_for_the_echo"
    assert _signature_annotation(long_name, "UserPresenceChangeTopicUserPresence", False, 88) == (
        "Optional[UserPresenceChangeTopicUserPresence]"
    )
    assert _signature_annotation("file", FILE_UPLOAD_ANNOTATION, True, 88) == "_FileUpload"
    assert _signature_annotation("file", FILE_UPLOAD_ANNOTATION, False, 88) == "_FileUpload | None"


def test_many_per_model_stubs_go_to_the_companion_project(monkeypatch):
    """Past BUNDLED_MODEL_STUBS_LIMIT the per-model stubs leave the SDK's wheel for the
    ``model-stubs`` project, which the SDK's extra of that name installs at the same version."""
    import tomllib

    from generator.naming import MODEL_STUBS_FOLDER, model_stubs_distribution
    from generator.render import sdk

    bundled = rendered("kitchen_sink.yaml")
    per_model = sorted(
        path for path in bundled
        if path.startswith("kitchen_sink_sdk/models/") and path.endswith(".pyi") and not path.endswith("__init__.pyi")
    )
    assert per_model and not any(path.startswith(f"{MODEL_STUBS_FOLDER}/") for path in bundled)
    assert "optional-dependencies" not in bundled["pyproject.toml"]

    monkeypatch.setattr(sdk, "BUNDLED_MODEL_STUBS_LIMIT", len(per_model) - 1)
    files = rendered("kitchen_sink.yaml")
    settings = settings_for("kitchen_sink.yaml")
    assert not any(path in files for path in per_model)
    companion = {path.removeprefix(f"{MODEL_STUBS_FOLDER}/"): body for path, body in files.items()
                 if path.startswith(f"{MODEL_STUBS_FOLDER}/")}
    assert sorted(p for p in companion if p.endswith(".pyi")) == per_model
    assert all(companion[path] == bundled[path] for path in per_model)
    project = tomllib.loads(companion["pyproject.toml"])
    assert project["project"]["name"] == model_stubs_distribution(settings.distribution)
    assert project["project"]["version"] == settings.version
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == [settings.package]
    main = tomllib.loads(files["pyproject.toml"])
    assert main["project"]["optional-dependencies"] == {
        "model-stubs": [f"{model_stubs_distribution(settings.distribution)}=={settings.version}"]
    }
    assert f'pip install "{settings.distribution}[model-stubs]"' in files["README.md"]
    assert "model-stubs" not in main["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
