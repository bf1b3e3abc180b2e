"""sdkgen's own checks in a forked child (generator/validate/forked.py) answer exactly what
they answer in-process, and the pipeline reports them as before the build ran beside them."""

import json
import os
import signal
import threading
from pathlib import Path

import pytest

from generator import pipeline
from generator.diagnostics import SpecError
from generator.loader import load_document
from generator.loader.sources import read_source
from generator.validate import check_spec
from generator.validate.forked import can_fork, start_own_checks

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
REFUSED = ["cyclic_allof.json", "cyclic_ref.yaml", "dangling_ref.json", "external_ref.json",
           "duplicate_operation_id.json", "missing_path_param.json", "multiple_body_params.json"]

needs_fork = pytest.mark.skipif(not can_fork(), reason="forking is used on Linux only, with one thread")


def loaded(path: Path):
    return load_document(read_source(str(path)), str(path))


@needs_fork
@pytest.mark.parametrize("name", REFUSED)
def test_the_child_finds_what_the_process_finds(name):
    spec = loaded(BAD / name)
    checks = start_own_checks(spec, fork=True)
    assert checks.forked
    found = checks.result().items
    assert found and found == check_spec(spec).items
    assert checks.forked  # what it was started as, still after collecting


@needs_fork
def test_a_child_that_dies_is_replaced_by_checking_here():
    spec = loaded(BAD / "dangling_ref.json")
    checks = start_own_checks(spec, fork=True)
    os.kill(checks._pid, signal.SIGKILL)
    assert [d.code for d in checks.result()] == ["dangling-ref"]


@needs_fork
def test_cancel_reaps_the_child():
    checks = start_own_checks(loaded(BAD / "dangling_ref.json"), fork=True)
    pid = checks._pid
    checks.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert not can_fork()
        checks = start_own_checks(loaded(BAD / "dangling_ref.json"))
        assert not checks.forked and [d.code for d in checks.result()] == ["dangling-ref"]
    finally:
        stop.set()
        helper.join()


def _spec_file(tmp_path: Path, definitions: dict) -> str:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {},
                                "definitions": definitions}))
    return str(path)


def test_a_refused_spec_reports_the_checks_not_the_builder(tmp_path):
    # a dangling $ref (the checks) and a property name no model can carry (the builder)
    source = _spec_file(tmp_path, {"Thing": {"properties": {'say "hi"': {"$ref": "#/definitions/Nothing"}}}})
    with pytest.raises(SpecError) as raised:
        pipeline.load_checked(source, schema_validation=False)
    assert [d.code for d in raised.value.diagnostics] == ["dangling-ref"]


def test_after_the_checks_pass_the_builder_is_heard(tmp_path):
    source = _spec_file(tmp_path, {"Thing": {"properties": {'say "hi"': {"type": "string"}}}})
    with pytest.raises(SpecError) as raised:
        pipeline.load_checked(source, schema_validation=False)
    assert [d.code for d in raised.value.diagnostics] == ["unsupported-property-name"]


def test_a_build_that_fails_on_a_refused_spec_reports_the_checks(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RecursionError("the builder met what the checks refuse")

    monkeypatch.setattr(pipeline, "build_api", broken)
    refused = _spec_file(tmp_path, {"A": {"$ref": "#/definitions/Missing"}})
    with pytest.raises(SpecError) as raised:
        pipeline.load_checked(refused, schema_validation=False)
    assert [d.code for d in raised.value.diagnostics] == ["dangling-ref"]
    with pytest.raises(RecursionError):  # on a spec the checks accept, a failure is a failure
        pipeline.load_checked(_spec_file(tmp_path, {"A": {"type": "string"}}), schema_validation=False)


@needs_fork
def test_a_fork_refused_by_the_system_means_checking_here(monkeypatch):
    def refused():
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", refused)
    checks = start_own_checks(loaded(BAD / "dangling_ref.json"), fork=True)
    assert not checks.forked and [d.code for d in checks.result()] == ["dangling-ref"]
