"""What a package index already holds: the PEP 503 "simple" page of one distribution.

Before uploading, the release asks the index which files of the version exist, so that
a version is never uploaded twice and a run interrupted after its upload can resume.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

from .credentials import IndexCredentials
from .errors import ReleaseError

# Upload endpoints whose simple index is not simply "<upload url>/simple/".
_KNOWN_SIMPLE_URLS = {
    "https://upload.pypi.org/legacy/": "https://pypi.org/simple/",
    "https://test.pypi.org/legacy/": "https://test.pypi.org/simple/",
}
_MAX_REDIRECTS = 5


def simple_url_for(repository_url: str) -> str:
    """The simple index that belongs to an upload URL (pypiserver: ``<url>/simple/``)."""
    normalized = repository_url.rstrip("/") + "/"
    return _KNOWN_SIMPLE_URLS.get(normalized, urljoin(normalized, "simple/"))


@dataclass(frozen=True, slots=True)
class PublishedFile:
    filename: str
    url: str
    sha256: str | None  # from the link's #sha256= fragment, when the index gives one


def distribution_file_version(filename: str) -> tuple[str, Version] | None:
    """(canonical project name, version) of a wheel or sdist file name; None for others."""
    try:
        if filename.endswith(".whl"):
            name, version, _build, _tags = parse_wheel_filename(filename)
        elif filename.endswith((".tar.gz", ".zip")):
            name, version = parse_sdist_filename(filename)
        else:
            return None
    except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
        return None
    return canonicalize_name(name), version


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, text)
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


class PackageIndex:
    """Read access to a PEP 503 simple index (credentials are sent to its own host only)."""

    def __init__(
        self,
        simple_url: str,
        credentials: IndexCredentials | None = None,
        timeout: float = 30.0,
    ):
        self.simple_url = simple_url.rstrip("/") + "/"
        self._credentials = credentials or IndexCredentials(username="")
        self._origin = urlsplit(self.simple_url)[:2]
        self._client = httpx.Client(timeout=timeout, follow_redirects=False)

    def close(self) -> None:
        self._client.close()

    def project_url(self, distribution: str) -> str:
        return urljoin(self.simple_url, canonicalize_name(distribution) + "/")

    def files(self, distribution: str) -> list[PublishedFile]:
        """Every file the index lists for ``distribution`` ([] when it has none)."""
        page_url = self.project_url(distribution)
        response = self._get(page_url)
        if response is None:
            return []
        collector = _LinkCollector()
        collector.feed(response.text)
        found = []
        for href, text in collector.links:
            url, fragment = urldefrag(urljoin(str(response.url), href))
            filename = text or url.rsplit("/", 1)[-1]
            digest = (
                fragment.removeprefix("sha256=")
                if fragment.startswith("sha256=")
                else None
            )
            found.append(PublishedFile(filename=filename, url=url, sha256=digest))
        return found

    def files_of_version(self, distribution: str, version: str) -> list[PublishedFile]:
        wanted = (canonicalize_name(distribution), Version(version))
        return [
            f
            for f in self.files(distribution)
            if distribution_file_version(f.filename) == wanted
        ]

    def download(self, published: PublishedFile, folder: Path) -> Path:
        """Fetch one file into ``folder``, checking the index's sha256 when it gave one."""
        response = self._get(published.url)
        if response is None:
            raise ReleaseError(
                "index",
                f"{published.url} is listed by the index but cannot be downloaded",
            )
        if (
            published.sha256
            and hashlib.sha256(response.content).hexdigest() != published.sha256
        ):
            raise ReleaseError(
                "index",
                f"{published.filename} from the index does not match its listed sha256",
            )
        target = folder / published.filename
        target.write_bytes(response.content)
        return target

    def _get(self, url: str) -> httpx.Response | None:
        """GET following redirects on the index's own host; None for "not here".

        A redirect to another host is what pypiserver does for unknown projects (its
        fallback to pypi.org): the project is not on this index, whatever pypi.org holds.
        """
        for _ in range(_MAX_REDIRECTS):
            same_origin = urlsplit(url)[:2] == self._origin
            auth = self._credentials.basic_auth if same_origin else None
            try:
                response = self._client.get(url, auth=auth)
            except httpx.HTTPError as error:
                raise ReleaseError(
                    "index", f"cannot reach the package index at {url}: {error}"
                ) from None
            if response.is_redirect:
                url = urljoin(url, response.headers["location"])
                if urlsplit(url)[:2] != self._origin:
                    return None
                continue
            if response.status_code == 404:
                return None
            if response.status_code in (401, 403):
                raise ReleaseError(
                    "index",
                    f"the package index refused access to {url} "
                    f"(HTTP {response.status_code}): check the index credentials",
                )
            if response.is_error:
                raise ReleaseError(
                    "index",
                    f"the package index answered HTTP {response.status_code} for {url}",
                )
            return response
        raise ReleaseError("index", f"too many redirects from {url}")
