"""The naming rules give the same names on every Python from 3.10 to 3.13.

``keyword.softkwlist`` (``type`` since 3.12), the capitalised builtins (``ExceptionGroup``
since 3.11) and ``sys.stdlib_module_names`` differ per Python; generator.naming pins its
lists instead of reading them. Here the naming table and a set of names built to catch any
interpreter-dependent rule run under each interpreter the machine has, and must agree with
this one, and each interpreter's own keyword and module lists must be covered by the pins.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.interpreters import SUPPORTED, find_interpreter

REPO = Path(__file__).resolve().parents[2]

# Runs under the interpreter being checked, with only the standard library and the
# repository's ``generator.naming`` (which imports nothing else) on its path.
_PROBE = r"""
import builtins, json, keyword, sys
from pathlib import Path
from generator import naming

cases = json.loads(Path(sys.argv[1]).read_text())
probes = sorted(
    set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins))
    | set(sys.stdlib_module_names) | {"type", "match", "case", "Warning", "Literal",
    "ExceptionGroup", "ApiResponse", "\u00fcn\u00efcode", "\u2167", "\u00b5s", "\u00c5ngstr\u00f6m"}
)
rules = {
    "property_name": naming.property_name, "parameter_name": naming.parameter_name,
    "class_name": naming.class_name, "api_class_name": naming.api_class_name,
    "module_name": naming.module_name, "model_module_name": naming.model_module_name,
}
names = {rule: [f(given) for given, _ in cases[rule]] for rule, f in rules.items()}
names["method_name"] = [naming.method_name(*given, "get /x") for given, _ in cases["method_name"]]
names["probes"] = {rule: [f(p) for p in probes] for rule, f in rules.items()}
names["probes"]["package_problem"] = [naming.package_problem(p) is None for p in probes]
print(json.dumps({
    "names": names,
    "probes": probes,
    "kwlist": keyword.kwlist,
    "softkwlist": keyword.softkwlist,
    "stdlib": sorted(set(sys.stdlib_module_names) | set(sys.builtin_module_names)),
}))
"""


def _naming_table(python: Path | str) -> dict:
    completed = subprocess.run(
        [str(python), "-I", "-c", f"import sys; sys.path.insert(0, {str(REPO)!r})\n{_PROBE}",
         str(REPO / "tests/unit/data/naming_cases.json")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


@pytest.fixture(scope="module")
def this_python() -> dict:
    return _naming_table(sys.executable)


@pytest.mark.parametrize("version", SUPPORTED)
def test_every_interpreter_names_alike(version, this_python):
    python = find_interpreter(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine (PATH or pyenv): not compared")
    other = _naming_table(python)
    from generator import naming

    # The pins cover what this interpreter reserves...
    assert set(other["kwlist"]) == naming.HARD_KEYWORDS
    assert set(other["stdlib"]) <= naming.STDLIB_MODULE_NAMES, "pin the new module names"
    # ...and every name is the same: the table's, and the probes both interpreters know
    # (dir(builtins) and the module lists differ between them).
    assert _names(other, this_python["probes"]) == _names(this_python, other["probes"])


def _names(table: dict, other_probes: list[str]) -> dict:
    shared = set(other_probes)
    names = {rule: values for rule, values in table["names"].items() if rule != "probes"}
    for rule, values in table["names"]["probes"].items():
        names[f"probes:{rule}"] = {p: v for p, v in zip(table["probes"], values) if p in shared}
    return names


def test_soft_keywords_are_legal_names_everywhere():
    """``type``, ``match`` and ``case`` compile as attribute, parameter and class names, so
    leaving ``type`` unreserved is safe on 3.12 too (the 3.12 parser still accepts them)."""
    source = (
        "class C:\n    type: int = 1\n    match: int = 2\n    case: int = 3\n"
        "def f(*, type=None, match=None, case=None): return type, match, case\n"
    )
    compile(source, "<probe>", "exec")
    from generator import naming

    assert naming.property_name("type") == "type"
    assert naming.parameter_name("type") == "type"


def test_the_pins_are_sets_of_identifiers():
    from generator import naming

    assert all(word.isidentifier() for word in naming.RESERVED_WORDS)
    assert {"json", "gc", "sys", "typing", "asyncio", "cgi", "tomllib"} <= naming.STDLIB_MODULE_NAMES
