"""generator.loader: formats, URLs, pointer -> line, and clear errors for bad input."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import socket
import threading
from functools import partial
from pathlib import Path

import pytest

from generator.diagnostics import Level, SpecError
from generator.loader import LoadedSpec, load_spec

BAD = Path(__file__).parent.parent / "fixtures" / "bad"

SPEC_JSON = """{
  "swagger": "2.0",
  "info": {"title": "Users", "version": "1"},
  "paths": {
    "/users/{userId}": {
      "get": {
        "operationId": "getUser",
        "parameters": [
          {"name": "userId", "in": "path", "required": true, "type": "string"},
          {"name": "expand", "in": "query", "type": "string"}
        ],
        "responses": {"200": {"description": "ok"}}
      }
    }
  },
  "definitions": {"a~b": {"type": "object"}}
}
"""

SPEC_YAML = """swagger: "2.0"
info:
  title: Users
  version: "1"
paths:
  /users/{userId}:
    get:
      operationId: getUser
      parameters:
        - name: userId
          in: path
          required: true
          type: string
        - name: since
          in: query
          type: string
          default: 2020-01-01
      responses:
        200:
          description: ok
"""


def load_error(source: str | Path):
    with pytest.raises(SpecError) as caught:
        load_spec(str(source))
    (diagnostic,) = caught.value.diagnostics.items
    assert diagnostic.level is Level.ERROR
    assert diagnostic.source == str(source)
    return diagnostic


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- formats -----------------------------------------------------------------------


def test_loads_json(tmp_path):
    spec = load_spec(str(write(tmp_path / "api.json", SPEC_JSON)))
    assert spec.data["paths"]["/users/{userId}"]["get"]["operationId"] == "getUser"
    assert spec.source == str(tmp_path / "api.json")
    assert spec.format == "json"
    assert spec.raw_bytes_sha256 == hashlib.sha256(SPEC_JSON.encode()).hexdigest()


def test_loads_yaml_keeping_it_json_shaped(tmp_path):
    spec = load_spec(str(write(tmp_path / "api.yml", SPEC_YAML)))
    operation = spec.data["paths"]["/users/{userId}"]["get"]
    # An unquoted 200 is the response code "200", and a date stays a string.
    assert list(operation["responses"]) == ["200"]
    assert operation["parameters"][1]["default"] == "2020-01-01"
    assert spec.format == "yaml"


def test_json_gz_hashes_like_the_plain_json(tmp_path):
    plain = load_spec(str(write(tmp_path / "api.json", SPEC_JSON)))
    packed = tmp_path / "api.json.gz"
    packed.write_bytes(gzip.compress(SPEC_JSON.encode()))
    spec = load_spec(str(packed))
    assert spec.data == plain.data
    assert spec.raw_bytes_sha256 == plain.raw_bytes_sha256
    assert spec.line_of("/paths/~1users~1{userId}/get") == 6


def test_format_is_sniffed_without_a_known_suffix(tmp_path):
    assert load_spec(str(write(tmp_path / "spec.txt", SPEC_JSON))).format == "json"
    assert load_spec(str(write(tmp_path / "spec", SPEC_YAML))).format == "yaml"


# --- pointer -> line ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pointer", "line"),
    [
        ("", 1),
        ("/swagger", 2),
        ("/paths/~1users~1{userId}", 5),
        ("/paths/~1users~1{userId}/get/operationId", 7),
        ("/paths/~1users~1{userId}/get/parameters/1", 10),
        ("/paths/~1users~1{userId}/get/parameters/1/in", 10),
        ("/paths/~1users~1{userId}/get/responses/200/description", 12),
        ("/definitions/a~0b", 16),
        # Missing places fall back to the closest existing ancestor.
        ("/paths/~1users~1{userId}/get/parameters/7", 8),
        ("/definitions/Nope/properties/x", 16),
    ],
)
def test_line_of_json(tmp_path, pointer, line):
    spec = load_spec(str(write(tmp_path / "api.json", SPEC_JSON)))
    assert spec.line_of(pointer) == line


@pytest.mark.parametrize(
    ("pointer", "line"),
    [
        ("", 1),
        ("/info/version", 4),
        ("/paths/~1users~1{userId}/get", 7),
        ("/paths/~1users~1{userId}/get/parameters/1", 14),
        ("/paths/~1users~1{userId}/get/parameters/1/default", 17),
        ("/paths/~1users~1{userId}/get/responses/200", 19),
        ("/paths/~1users~1{userId}/get/nothing/here", 7),
    ],
)
def test_line_of_yaml(tmp_path, pointer, line):
    spec = load_spec(str(write(tmp_path / "api.yaml", SPEC_YAML)))
    assert spec.line_of(pointer) == line


def test_line_of_escaped_json_keys(tmp_path):
    text = '{\n "swagger": "2.0",\n "paths": {},\n "definitions": {\n  "caf\\u00e9": {\n   "type": "object"}}}'
    spec = load_spec(str(write(tmp_path / "api.json", text)))
    assert spec.line_of("/definitions/café/type") == 6


def test_minified_json_is_all_line_one(tmp_path):
    spec = load_spec(
        str(write(tmp_path / "api.json", json.dumps(json.loads(SPEC_JSON))))
    )
    assert spec.line_of("/paths/~1users~1{userId}/get/parameters/1") == 1


def test_line_index_is_built_only_when_asked(tmp_path):
    spec = load_spec(str(write(tmp_path / "api.json", SPEC_JSON)))
    assert spec._line_index == []
    spec.line_of("/swagger")
    assert len(spec._line_index) == 1


def test_spec_built_in_memory_has_no_lines():
    spec = LoadedSpec(
        data={"swagger": "2.0"}, source="<memory>", raw_bytes_sha256="0" * 64
    )
    assert spec.line_of("/swagger") is None


# --- bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "code", "line", "pointer", "message"),
    [
        (
            "invalid_json.json",
            "invalid-json",
            4,
            "",
            "Expecting ',' delimiter (line 4, column 3)",
        ),
        ("invalid_yaml.yaml", "invalid-yaml", 9, "", "(line 9, column 6)"),
        ("invalid_utf8.json", "invalid-encoding", 3, "", "byte 0xe9 at line 3"),
        ("truncated.json.gz", "invalid-gzip", None, "", "truncated"),
        ("corrupt.json.gz", "invalid-gzip", None, "", "corrupt"),
        (
            "openapi3.yaml",
            "unsupported-version",
            1,
            "/openapi",
            "OpenAPI 3.0.3 is not supported yet",
        ),
        (
            "swagger_version_number.yaml",
            "unsupported-version",
            1,
            "/swagger",
            'write it as the string "2.0"',
        ),
        ("not_swagger.json", "not-swagger", 1, "", 'no swagger: "2.0" field'),
        ("not_an_object.json", "not-an-object", 1, "", "top level is a list"),
    ],
)
def test_bad_input_is_a_located_error(fixture, code, line, pointer, message):
    diagnostic = load_error(BAD / fixture)
    assert (diagnostic.code, diagnostic.line, diagnostic.pointer) == (
        code,
        line,
        pointer,
    )
    assert message in diagnostic.message


def test_error_reads_well_as_printed_by_the_cli():
    diagnostic = load_error(BAD / "invalid_json.json")
    assert diagnostic.format() == (
        f"{BAD / 'invalid_json.json'}:4: error[invalid-json]: "
        "invalid JSON: Expecting ',' delimiter (line 4, column 3)"
    )


def test_missing_file(tmp_path):
    assert load_error(tmp_path / "nope.json").code == "unreadable-file"


def test_directory(tmp_path):
    assert "directory" in load_error(tmp_path).message


def test_yaml_with_a_mapping_as_key(tmp_path):
    diagnostic = load_error(
        write(tmp_path / "api.yaml", 'swagger: "2.0"\n? [a, b]\n: 1\n')
    )
    assert diagnostic.code == "invalid-yaml"
    assert diagnostic.line == 2


def test_empty_file(tmp_path):
    assert load_error(write(tmp_path / "api.yaml", "")).code == "not-an-object"


# --- URLs ---------------------------------------------------------------------------


# A YAML flow mapping: sniffing the "{" would take it for JSON, the Content-Type says YAML.
FLOW_YAML = '{swagger: "2.0", info: {title: Flow, version: "1"}, paths: {}}'


class _Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/api.json")
            self.end_headers()
            return
        if self.path == "/spec-without-suffix":
            body = FLOW_YAML.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/x-yaml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_root(tmp_path):
    """A real HTTP server on 127.0.0.1 serving tmp_path; yields (root, base URL)."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_Handler, directory=str(tmp_path))
    )
    # A short poll interval: shutdown() waits up to one interval (0.5 s by default).
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_json(http_root):
    root, base = http_root
    write(root / "api.json", SPEC_JSON)
    spec = load_spec(f"{base}/api.json")
    assert spec.source == f"{base}/api.json"
    assert spec.data["info"]["title"] == "Users"
    assert spec.line_of("/swagger") == 2


def test_url_yaml_and_gzip(http_root):
    root, base = http_root
    write(root / "api.yaml", SPEC_YAML)
    (root / "api.json.gz").write_bytes(gzip.compress(SPEC_JSON.encode()))
    assert load_spec(f"{base}/api.yaml").format == "yaml"
    assert load_spec(f"{base}/api.json.gz").data["swagger"] == "2.0"


def test_url_follows_redirects(http_root):
    root, base = http_root
    write(root / "api.json", SPEC_JSON)
    assert load_spec(f"{base}/moved").data["info"]["title"] == "Users"


def test_url_http_error(http_root):
    _, base = http_root
    diagnostic = load_error(f"{base}/missing.json")
    assert diagnostic.code == "url-http-error"
    assert "HTTP 404" in diagnostic.message


def test_url_invalid_json_names_the_url_and_line(http_root):
    root, base = http_root
    write(root / "bad.json", (BAD / "invalid_json.json").read_text())
    diagnostic = load_error(f"{base}/bad.json")
    assert (diagnostic.code, diagnostic.line) == ("invalid-json", 4)


def test_url_connection_refused():
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    diagnostic = load_error(f"http://127.0.0.1:{port}/api.json")
    assert diagnostic.code == "url-unreachable"


def test_recursive_yaml_alias_is_refused_with_its_place(tmp_path):
    # Every later stage walks the document as a tree; a node that contains itself
    # would make them loop forever.
    text = 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\nx-loop: &loop\n  self: *loop\n'
    diagnostic = load_error(write(tmp_path / "api.yaml", text))
    assert (diagnostic.code, diagnostic.line) == ("invalid-yaml", 5)
    assert "(line 5, column 9)" in diagnostic.message


def test_shared_yaml_aliases_are_fine(tmp_path):
    text = 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\nx-a: &a {k: [1]}\nx-b: [*a, *a]\n'
    spec = load_spec(str(write(tmp_path / "api.yaml", text)))
    assert spec.data["x-b"] == [{"k": [1]}, {"k": [1]}]


def test_url_format_from_content_type(http_root):
    _, base = http_root
    spec = load_spec(f"{base}/spec-without-suffix")
    assert (spec.format, spec.data["info"]["title"]) == ("yaml", "Flow")


def test_unsupported_url_scheme():
    diagnostic = load_error("ftp://example.invalid/api.json")
    assert diagnostic.code == "unsupported-source"
    assert "ftp://" in diagnostic.message


def test_a_path_object_is_accepted(tmp_path):
    path = write(tmp_path / "api.json", SPEC_JSON)
    assert load_spec(path).source == str(path)


def test_repeated_keys_are_noted_with_their_pointer(tmp_path):
    text = '{"swagger": "2.0", "x-list": [{"k": 1, "a/b": 2, "k": 3, "a/b": 4}], "paths": {}}'
    spec = load_spec(str(write(tmp_path / "api.json", text)))
    assert spec.data["x-list"] == [{"k": 3, "a/b": 4}]  # the parser keeps the last
    assert [(d.pointer, d.key) for d in spec.duplicate_keys] == [
        ("/x-list/0/a~1b", "a/b"),
        ("/x-list/0/k", "k"),
    ]


def test_repeated_yaml_keys_in_a_shared_anchor_are_noted_once(tmp_path):
    text = 'swagger: "2.0"\npaths: {}\nx-a: &a {k: 1, k: 2}\nx-b: *a\n'
    spec = load_spec(str(write(tmp_path / "api.yaml", text)))
    assert len(spec.duplicate_keys) == 1
    assert spec.duplicate_keys[0].key == "k"
