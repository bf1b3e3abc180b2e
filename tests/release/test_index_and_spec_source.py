"""The simple-index reader and the spec snapshot, against small local HTTP servers."""

from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.cli import main as sdkgen
from generator.diagnostics import SpecError
from generator.release.index import (
    PackageIndex,
    distribution_file_version,
    simple_url_for,
)

from .repo_layout import fixture_spec


@contextmanager
def serve(routes: dict[str, tuple[int, dict[str, str], bytes]], seen: list | None = None):
    """An HTTP server on 127.0.0.1 answering GET path -> (status, headers, body); the
    paths asked go to ``seen``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if seen is not None:
                seen.append(self.path)
            status, headers, body = routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_simple_page_links_are_matched_by_normalized_name_and_version():
    page = (
        b'<html><body><a href="../../packages/My_SDK-1.0.0-py3-none-any.whl#sha256=ab12">My_SDK-1.0.0-py3-none-any.whl</a>'
        b'<a href="../../packages/my.sdk-1.0.0.tar.gz">my.sdk-1.0.0.tar.gz</a>'
        b'<a href="../../packages/my_sdk-1.0.1.tar.gz">my_sdk-1.0.1.tar.gz</a></body></html>'
    )
    with serve({"/simple/my-sdk/": (200, {"content-type": "text/html"}, page)}) as url:
        index = PackageIndex(url + "/simple/")
        files = index.files_of_version("My.SDK", "1.0")  # 1.0 == 1.0.0 (PEP 440)
        index.close()
    assert [f.filename for f in files] == [
        "My_SDK-1.0.0-py3-none-any.whl",
        "my.sdk-1.0.0.tar.gz",
    ]
    assert files[0].sha256 == "ab12" and files[1].sha256 is None
    assert files[0].url == url + "/packages/My_SDK-1.0.0-py3-none-any.whl"


def test_redirect_to_another_host_means_not_on_this_index():
    with serve(
        {
            "/simple/sdk/": (
                200,
                {},
                b'<a href="/x/sdk-1.0.0.tar.gz">sdk-1.0.0.tar.gz</a>',
            )
        }
    ) as other:
        fallback = {"/simple/sdk/": (303, {"location": other + "/simple/sdk/"}, b"")}
        with serve(fallback) as url:
            index = PackageIndex(url + "/simple/")
            assert index.files("sdk") == []
            index.close()


def test_same_host_redirect_is_followed():
    routes = {
        "/simple/sdk/": (302, {"location": "/moved/sdk/"}, b""),
        "/moved/sdk/": (200, {}, b'<a href="/p/sdk-2.0.0.tar.gz">sdk-2.0.0.tar.gz</a>'),
    }
    with serve(routes) as url:
        index = PackageIndex(url + "/simple/")
        found = index.files_of_version("sdk", "2.0.0")
        index.close()
    assert [(f.filename, f.url) for f in found] == [
        ("sdk-2.0.0.tar.gz", url + "/p/sdk-2.0.0.tar.gz")
    ]


def test_index_errors_are_release_errors_with_the_url():
    from generator.release.errors import ReleaseError

    with serve({"/simple/sdk/": (500, {}, b"boom")}) as url:
        index = PackageIndex(url + "/simple/")
        with pytest.raises(ReleaseError) as caught:
            index.files("sdk")
        index.close()
    assert "HTTP 500" in caught.value.message and url in caught.value.message


def test_simple_url_for_known_and_local_indexes():
    assert (
        simple_url_for("https://upload.pypi.org/legacy/") == "https://pypi.org/simple/"
    )
    assert simple_url_for("http://127.0.0.1:8080") == "http://127.0.0.1:8080/simple/"
    assert distribution_file_version("README.txt") is None


def test_a_spec_url_is_fetched_once_and_those_bytes_are_recorded(tmp_path):
    """bump loads, checks, diffs and records through the pipeline's one load path."""
    from click.testing import CliRunner

    from generator import state as release_state
    from generator.diff.cli import bump_command

    body = Path(fixture_spec("1-base")).read_bytes()
    seen: list[str] = []
    with serve({"/swagger": (200, {"content-type": "application/json"}, body)}, seen) as url:
        result = CliRunner().invoke(
            bump_command, ["pets", "--spec", url + "/swagger", "--state-dir", str(tmp_path)]
        )
    assert result.exit_code == 0, result.output
    assert seen == ["/swagger"]
    state = release_state.read_state("pets", tmp_path)
    assert state is not None and state.read_spec_bytes() == body


def test_unreachable_spec_url_is_a_located_spec_error(tmp_path):
    from generator.pipeline import load_checked

    with serve({}) as url, pytest.raises(SpecError) as caught:
        load_checked(url + "/missing.json")
    assert "HTTP 404" in str(caught.value) and url in str(caught.value)


def test_sdkgen_group_has_the_release_command():
    assert "release" in sdkgen.commands
