"""Read a spec's bytes from a file or an http(s) URL (gzip undone), failing with a clear message.

Only reading happens here; choosing the format and parsing is :mod:`generator.loader.parse`'s job.
Every failure becomes a :class:`SpecError` naming the file or URL, never a traceback.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostics, SpecError

GZIP_MAGIC = b"\x1f\x8b"
URL_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class RawDocument:
    """The document's bytes (already decompressed) and what is known about where they came from.

    name: the file name (or the last segment of the URL's path after redirects), which
    the format is chosen by first; content_type: the HTTP Content-Type ("" for files).
    """

    content: bytes
    source: str
    name: str
    content_type: str = ""


def fail(
    source: str, code: str, message: str, *, line: int | None = None, pointer: str = ""
) -> SpecError:
    """A SpecError carrying one error diagnostic (callers ``raise`` it)."""
    diagnostics = Diagnostics()
    diagnostics.error(code, message, pointer, line=line, source=source)
    return SpecError(diagnostics)


def read_source(source: str) -> RawDocument:
    """Read ``source`` (a path or an http(s) URL) into decompressed bytes."""
    if source.startswith(("http://", "https://")):
        return _read_url(source)
    scheme, separator, _ = source.partition("://")
    if separator and scheme.isalpha() and not Path(source).exists():
        raise fail(
            source,
            "unsupported-source",
            f"cannot read {scheme}:// sources; give a file path or an http(s) URL",
        )
    return _read_file(source)


def _read_file(source: str) -> RawDocument:
    path = Path(source)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise fail(source, "unreadable-file", "no such file") from None
    except IsADirectoryError:
        raise fail(
            source, "unreadable-file", "is a directory, not a spec file"
        ) from None
    except OSError as error:
        raise fail(
            source,
            "unreadable-file",
            f"cannot read the file: {error.strerror or error}",
        ) from None
    return RawDocument(_gunzip_if_needed(content, source), source, path.name)


def _read_url(url: str) -> RawDocument:
    import httpx  # imported here: most runs read files, and httpx takes a while to import

    try:
        response = httpx.get(url, timeout=URL_TIMEOUT_SECONDS, follow_redirects=True)
    except httpx.TimeoutException:
        raise fail(
            url, "url-unreachable", f"no answer within {URL_TIMEOUT_SECONDS:.0f} s"
        ) from None
    except httpx.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise fail(url, "url-unreachable", f"cannot fetch the URL: {reason}") from None
    if response.status_code >= 400:
        raise fail(
            url,
            "url-http-error",
            f"the server answered HTTP {response.status_code} {response.reason_phrase}".rstrip(),
        )
    name = urlsplit(str(response.url)).path.rsplit("/", 1)[-1]
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip()
    return RawDocument(
        _gunzip_if_needed(response.content, url), url, name, content_type
    )


def _gunzip_if_needed(content: bytes, source: str) -> bytes:
    # Decided by the magic number rather than the name, so a mislabelled file still loads.
    if not content.startswith(GZIP_MAGIC):
        return content
    try:
        return gzip.decompress(content)
    except EOFError:
        raise fail(
            source,
            "invalid-gzip",
            "the gzip data is truncated (it ends before the " "end-of-stream marker)",
        ) from None
    except (gzip.BadGzipFile, zlib.error) as error:
        raise fail(
            source, "invalid-gzip", f"the gzip data is corrupt: {error}"
        ) from None
