"""Configuration: hosts, gateway, proxy, TLS, timeouts, retries, logging, reauthentication,
and the configuration file (INI or JSON) with live reload.

Two ways to use it, as the official SDK allows:

* ``<sdk>.configuration.host = ...``: this module forwards attribute reads and writes it does
  not define itself to the default :class:`Configuration` (created on first use), which
  ``ApiClient()`` and ``XxxApi()`` use when given none;
* ``Configuration(host=..., ...)`` objects passed to ``ApiClient(configuration=...)``.

Live reload uses no thread and no polling loop: before a request, a client asks the
configuration to check the file, which costs one ``os.stat`` at most once per
``config_check_interval`` seconds; a changed file is re-read and applied.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import types
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import _version
from ._lazy import lazy_import
from .logger import LogFormat, Logger, LogLevel
from .regions import PureCloudRegionHosts, login_host_for
from .rest import ConfigFileError, SettingNotAppliedError

if TYPE_CHECKING:
    import configparser
    import json
    import logging

    from .api_client import ApiClient
else:  # only needed when a configuration file exists (or is invalid)
    configparser = lazy_import("configparser", globals())
    json = lazy_import("json", globals())
    logging = lazy_import("logging", globals())

SDK_NAME: str = getattr(_version, "SDK_NAME", __package__ or "sdk")
DEFAULT_HOST: str = getattr(_version, "DEFAULT_HOST", "") or "api.mypurecloud.com"
DEFAULT_BASE_PATH: str = (getattr(_version, "DEFAULT_BASE_PATH", "") or "").rstrip("/")
DEFAULT_SCHEME: str = getattr(_version, "DEFAULT_SCHEME", "") or "https"
# SDKs whose API authenticates with a header key (Guest Chat's JWT) keep their own config file
_GUEST_SDK = getattr(_version, "AUTH_MODE", "oauth2") in ("jwt", "api_key")
CONFIG_DIR_NAME = ".genesyscloudpython-guest" if _GUEST_SDK else ".genesyscloudpython"


def default_config_file_path() -> str:
    """``$HOME/.genesyscloudpython/config`` (``%USERPROFILE%`` on Windows when HOME is unset)."""
    home = (
        os.environ.get("HOME")
        or os.environ.get("USERPROFILE")
        or os.path.expanduser("~")
    )
    return os.path.join(home, CONFIG_DIR_NAME, "config")


class GatewayConfiguration:
    """An intermediate gateway all login and API requests go through (official names).

    protocol defaults to https; port -1 means the protocol's default port; path_params_login /
    path_params_api are path prefixes appended to the gateway URL for login and API requests.
    username and password are kept for compatibility and not used.
    """

    def __init__(
        self,
        host: str | None = None,
        protocol: str | None = "https",
        port: int | None = -1,
        path_params_login: str | None = "",
        path_params_api: str | None = "",
        username: str | None = None,
        password: str | None = None,
    ) -> None:
        self.host: str | None = host
        self.protocol: str | None = protocol
        self.port: int | None = port
        self.path_params_login: str | None = path_params_login
        self.path_params_api: str | None = path_params_api
        self.username: str | None = username
        self.password: str | None = password

    def base_url(self, path_prefix: str | None) -> str:
        if not self.host:
            raise ValueError("the gateway configuration has no host")
        protocol = self.protocol or "https"
        port = f":{self.port}" if self.port is not None and int(self.port) >= 0 else ""
        prefix = (path_prefix or "").strip("/")
        return f"{protocol}://{self.host.strip('/')}{port}" + (
            f"/{prefix}" if prefix else ""
        )

    def api_base_url(self) -> str:
        return self.base_url(self.path_params_api)

    def login_base_url(self) -> str:
        return self.base_url(self.path_params_login)

    def __repr__(self) -> str:
        return f"GatewayConfiguration(host={self.host!r}, protocol={self.protocol!r}, port={self.port!r})"


def normalize_host(host: str) -> str:
    """Accept ``api.mypurecloud.ie`` as well as ``https://api.mypurecloud.ie/``."""
    host = host.strip().rstrip("/")
    return host if "://" in host else f"https://{host}"


# fixed when a client sets up its connections (first request): a change cannot reach it
TRANSPORT_SETTINGS = frozenset(
    {"proxy", "proxy_username", "proxy_password", "verify_ssl", "ssl_ca_cert", "cert_file", "key_file"}
)


class Configuration:
    """Settings shared by the clients built from it. Attribute names are the official SDK's
    where it has one; the others are ours (timeouts, retries, rate limiting).

    A change reaches the clients built from it at their next call (timeouts, retries, rate
    limits, hosts, logging...). Proxy and TLS settings are fixed once a client has set up its
    connections: changing them then raises :class:`SettingNotAppliedError`, saying how to
    apply them (a new client)."""

    _version = 0
    _transport_users: weakref.WeakSet[Any] | None = None

    def __setattr__(self, name: str, value: Any) -> None:
        if name[:1] != "_":
            if name in TRANSPORT_SETTINGS and self._transport_users:
                self._check_transport_change(name, value)
            object.__setattr__(self, "_version", self._version + 1)
        object.__setattr__(self, name, value)

    @property
    def version(self) -> int:
        """Bumped by every change of a setting: clients re-read their settings when it moves."""
        return self._version

    def track_transport_user(self, client: Any) -> None:
        """``client`` set up its connections with this configuration's proxy/TLS settings."""
        with _default_lock:
            if self._transport_users is None:
                self._transport_users = weakref.WeakSet()
            self._transport_users.add(client)

    def _check_transport_change(self, name: str, value: Any) -> None:
        if getattr(self, name, None) == value:
            return
        users = list(self._transport_users or ())
        if any(client.transport_setting_in_use(name) for client in users):
            raise SettingNotAppliedError(
                f"configuration.{name} cannot change for a client that is already connected"
                f" (its connections were set up with the previous value): close that client"
                f" and build a new one after the change, or pass {name}=... to a new"
                f" ApiClient(...)"
            )

    def __init__(
        self,
        host: str | None = None,
        *,
        region: PureCloudRegionHosts | str | None = None,
        config_file_path: str | None = None,
        live_reload_config: bool = True,
        read_config_file: bool = True,
    ) -> None:
        self.host: str = (
            normalize_host(host) if host else f"{DEFAULT_SCHEME}://{DEFAULT_HOST}"
        )
        if region is not None:
            self.region = region
        self.base_path: str = DEFAULT_BASE_PATH
        self.login_host: str | None = None  # None: derived from host (api.X -> login.X)
        self.gateway_configuration: GatewayConfiguration | None = None
        # the default client of XxxApi() without arguments
        self.api_client: ApiClient | None = None
        self.access_token: str = ""
        # apiKey and basic security schemes (_security.py), as openapi-generator's SDKs
        # name them: api_key["<scheme name>"], an optional api_key_prefix, username/password
        self.api_key: dict[str, str] = {}
        self.api_key_prefix: dict[str, str] = {}
        self.username: str | None = None
        self.password: str | None = None
        self.should_refresh_access_token: bool = True
        self.refresh_token_wait_time: float = 10
        self.verify_ssl: bool = True
        self.ssl_ca_cert: str | None = None
        self.cert_file: str | None = None
        self.key_file: str | None = None
        self.proxy: str | None = None
        self.proxy_username: str | None = None
        self.proxy_password: str | None = None
        self.user_agent: str = f"{SDK_NAME}/{_version.__version__} python/{sys.version_info[0]}.{sys.version_info[1]}"
        self.connect_timeout: float = 10.0
        # seconds for a whole call, retries and waits included (None: bounded by the retries)
        self.timeout: float | None = None
        self.attempt_timeout: float | None = 60.0  # read/write/pool, each attempt, seconds
        self.max_retries: int = 3  # 408/5xx/connection errors
        self.max_rate_limit_retries: int = (
            10  # 429 responses, each after the delay the server asked
        )
        self.max_retry_time: float = (
            120.0  # no retry starts later than this after the first attempt
        )
        self.retry_backoff_base: float = 0.5
        self.retry_backoff_max: float = 10.0
        self.max_requests_per_second: float | None = (
            None  # client-side limiter; None = off
        )
        # pace calls by the inin-ratelimit-* headers the API sends
        self.follow_rate_limit_headers: bool = True
        self.logger: Logger = Logger()
        self.config_check_interval: float = 1.0
        self.live_reload_config: bool = live_reload_config
        self._config_lock = threading.Lock()
        self._file_signature: tuple[int, int, int] | None = None
        # what the file set: setting -> (value before the file set it, value the file set)
        self._file_applied: dict[str, tuple[Any, Any]] = {}
        self._reload_disabled_by_file = False
        self._next_check = 0.0
        self._config_file_path = config_file_path or default_config_file_path()
        if read_config_file:
            # an explicit path is user input: errors raise; the default home file only warns
            self._load_file(raise_errors=config_file_path is not None)

    @classmethod
    def default(cls) -> Configuration:
        """The module-level default configuration (``<sdk>.configuration``)."""
        return get_default_configuration()

    # hosts -----------------------------------------------------------------------------
    @property
    def region(self) -> PureCloudRegionHosts | None:
        for region in PureCloudRegionHosts:
            if region.api_host == self.host:
                return region
        return None

    @region.setter
    def region(self, value: PureCloudRegionHosts | str) -> None:
        region = (
            value
            if isinstance(value, PureCloudRegionHosts)
            else PureCloudRegionHosts.from_name(value)
        )
        self.host = region.api_host
        self.login_host = region.login_host

    def api_base_url(self) -> str:
        gateway = self.gateway_configuration
        if gateway is not None and gateway.host:
            return gateway.api_base_url()
        return normalize_host(self.host) + (self.base_path or "")

    def login_base_url(self) -> str:
        gateway = self.gateway_configuration
        if gateway is not None and gateway.host:
            return gateway.login_base_url()
        return (
            normalize_host(self.login_host)
            if self.login_host
            else login_host_for(normalize_host(self.host))
        )

    # configuration file ------------------------------------------------------------------
    @property
    def config_file_path(self) -> str:
        return self._config_file_path

    @config_file_path.setter
    def config_file_path(self, value: str) -> None:
        """Setting a path reads it at once; errors in it raise :class:`ConfigFileError`."""
        self._config_file_path = os.fspath(value)
        self._file_signature = None
        self._load_file(raise_errors=True)

    def check_config_file(self) -> None:
        """Re-read the file if it changed; called by the clients before each request.

        Cheap when nothing changed: a clock read, and one ``os.stat`` per check interval.
        """
        if not self.live_reload_config and not self._reload_disabled_by_file:
            return  # switched off in code: the file is not read again
        now = time.monotonic()
        if now < self._next_check:
            return
        self._next_check = now + self.config_check_interval
        # switched off by the file: the file is still watched, for the switch alone
        self._load_file(raise_errors=False, switch_only=not self.live_reload_config)

    def _load_file(self, *, raise_errors: bool, switch_only: bool = False) -> None:
        with self._config_lock:
            signature = _file_signature(self._config_file_path)
            if signature == self._file_signature:
                return
            self._file_signature = signature
            try:
                settings = (
                    read_config_file(self._config_file_path) if signature is not None else {}
                )
                if switch_only and not _reload_switch(settings, self._config_file_path):
                    return
                apply_config(self, settings, self._config_file_path)
            except ConfigFileError as error:
                if raise_errors:
                    raise
                logging.getLogger(SDK_NAME).warning(
                    "configuration file ignored: %s", error
                )

    # misc --------------------------------------------------------------------------------
    def auth_settings(
        self,
    ) -> dict[str, Any]:  # official helper, kept for scripts that read it
        return {
            "PureCloud OAuth": {
                "type": "oauth2",
                "in": "header",
                "key": "Authorization",
                "value": f"Bearer {self.access_token}",
            }
        }

    def to_debug_report(self) -> str:
        return (
            f"Python SDK Debug Report:\nOS: {sys.platform}\nPython Version: {sys.version}\n"
            f"Version of the API: v2\nSDK Package Version: {_version.__version__}"
        )

    def __repr__(self) -> str:
        return f"Configuration(host={self.host!r})"


def _file_signature(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


# ---------------------------------------------------------------------------------------------
# reading and applying the file

ConfigData = dict[str, dict[str, Any]]


def read_config_file(path: str) -> ConfigData:
    """Parse an INI or JSON configuration file into ``{section: {key: value}}``."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise ConfigFileError(f"{path}: cannot be read ({error.strerror})") from None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ConfigFileError(
                f"{path}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
            ) from None
        for section, values in data.items():
            if not isinstance(values, dict):
                raise ConfigFileError(
                    f"{path}: section {section!r} must be a JSON object"
                )
        return {
            str(section).lower(): {str(k).lower(): v for k, v in values.items()}
            for section, values in data.items()
        }
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=path)
    except configparser.Error as error:
        raise ConfigFileError(
            f"{path}: invalid INI: {error}".replace("\n", " ")
        ) from None
    return {section.lower(): dict(parser[section]) for section in parser.sections()}


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{value!r} is not a boolean (true or false)")


def _as_number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")  # noqa: TRY004
    number = float(value)
    if number < 0:
        raise ValueError(f"{value!r} must not be negative")
    return number


def _as_int(value: Any) -> int:
    if isinstance(value, bool) or float(value) != int(float(value)):
        raise ValueError(f"{value!r} is not an integer")
    return int(float(value))


def _as_text(value: Any) -> str:
    return str(value).strip()


# (section, key) -> (converter, the setting it sets: an attribute path from the configuration)
_SETTINGS: dict[tuple[str, str], tuple[Callable[[Any], Any], str]] = {
    ("logging", "log_level"): (LogLevel.from_string, "logger.log_level"),
    ("logging", "log_format"): (LogFormat.from_string, "logger.log_format"),
    ("logging", "log_to_console"): (_as_bool, "logger.log_to_console"),
    ("logging", "log_file_path"): (lambda v: _as_text(v) or None, "logger.log_file_path"),
    ("logging", "log_request_body"): (_as_bool, "logger.log_request_body"),
    ("logging", "log_response_body"): (_as_bool, "logger.log_response_body"),
    ("reauthentication", "refresh_access_token"): (_as_bool, "should_refresh_access_token"),
    ("reauthentication", "refresh_token_wait_max"): (_as_number, "refresh_token_wait_time"),
    ("general", "live_reload_config"): (_as_bool, "live_reload_config"),
    ("general", "host"): (normalize_host, "host"),
}
_GATEWAY_SETTING = "gateway_configuration"


def _get_setting(configuration: Configuration, path: str) -> Any:
    target: Any = configuration
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _set_setting(configuration: Configuration, path: str, value: Any) -> None:
    owner, _, name = path.rpartition(".")
    setattr(_get_setting(configuration, owner) if owner else configuration, name, value)


_GATEWAY_KEYS = {
    "host": _as_text,
    "protocol": _as_text,
    "port": _as_int,
    "path_params_login": _as_text,
    "path_params_api": _as_text,
    "username": _as_text,
    "password": _as_text,
}


def apply_config(configuration: Configuration, data: ConfigData, path: str) -> None:
    """Validate every known key first, then apply them all: a bad file changes nothing.

    A setting the file set before and no longer has (a removed key or section) goes back to
    the value it had before the file set it, unless the program changed it since. Unknown
    sections and keys are ignored (files written for newer SDKs keep working).
    """
    wanted = _file_settings(data, path)
    applied = configuration._file_applied
    for setting, (before, value) in list(applied.items()):
        if setting not in wanted:
            if _get_setting(configuration, setting) is value or _get_setting(
                configuration, setting
            ) == value:
                _set_setting(configuration, setting, before)
            del applied[setting]
    for setting, value in wanted.items():
        before = (
            applied[setting][0]
            if setting in applied
            else _get_setting(configuration, setting)
        )
        _set_setting(configuration, setting, value)
        applied[setting] = (before, value)
    configuration._reload_disabled_by_file = wanted.get("live_reload_config") is False


def _file_settings(data: ConfigData, path: str) -> dict[str, Any]:
    """The settings a parsed file asks for (attribute path -> value); raises on a bad value."""
    wanted: dict[str, Any] = {}
    for section, values in data.items():
        for key, raw in values.items():
            entry = _SETTINGS.get((section, key))
            if entry is not None:
                converter, setting = entry
                wanted[setting] = _convert(converter, raw, path, section, key)
    gateway_values = data.get("gateway")
    if gateway_values:
        gateway = GatewayConfiguration()
        for key, raw in gateway_values.items():
            if key in _GATEWAY_KEYS:
                setattr(
                    gateway,
                    key,
                    _convert(_GATEWAY_KEYS[key], raw, path, "gateway", key),
                )
        if not gateway.host:
            raise ConfigFileError(
                f"{path}: [gateway] host: missing (required when a gateway section is present)"
            )
        wanted[_GATEWAY_SETTING] = gateway
    return wanted


def _reload_switch(data: ConfigData, path: str) -> bool:
    """Whether a file (read while live reload is off) switches live reload back on."""
    raw = data.get("general", {}).get("live_reload_config")
    return True if raw is None else _convert(_as_bool, raw, path, "general", "live_reload_config")


def _convert(
    converter: Callable[[Any], Any], raw: Any, path: str, section: str, key: str
) -> Any:
    try:
        return converter(raw)
    except (TypeError, ValueError) as error:
        raise ConfigFileError(f"{path}: [{section}] {key}: {error}") from None


# ---------------------------------------------------------------------------------------------
# the default configuration, and this module standing in for it

_default_configuration: Configuration | None = None
_default_lock = threading.Lock()


def get_default_configuration() -> Configuration:
    global _default_configuration
    if _default_configuration is None:
        with _default_lock:
            if _default_configuration is None:
                _default_configuration = Configuration()
    return _default_configuration


class _ConfigurationModule(types.ModuleType):
    """Lets ``<sdk>.configuration.host = ...`` (the official SDK's idiom) reach the default
    Configuration, although ``<sdk>.configuration`` is this module (Python's import system
    sets the submodule as the package attribute, so it cannot be an instance)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(get_default_configuration(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_") or name in self.__dict__:
            super().__setattr__(name, value)
        else:
            setattr(get_default_configuration(), name, value)

    def __dir__(self) -> list[str]:
        return sorted(
            set(super().__dir__())
            | {n for n in dir(get_default_configuration()) if not n.startswith("_")}
        )


sys.modules[__name__].__class__ = _ConfigurationModule

if TYPE_CHECKING:
    # `from <sdk>.configuration import configuration` is this module, which reads and writes
    # the default Configuration's attributes: declared for type checkers (a test keeps
    # this list complete).
    configuration: Configuration
    host: str
    region: PureCloudRegionHosts | str | None
    base_path: str
    login_host: str | None
    gateway_configuration: GatewayConfiguration | None
    api_client: ApiClient | None
    access_token: str
    api_key: dict[str, str]
    api_key_prefix: dict[str, str]
    username: str | None
    password: str | None
    should_refresh_access_token: bool
    refresh_token_wait_time: float
    verify_ssl: bool
    ssl_ca_cert: str | None
    cert_file: str | None
    key_file: str | None
    proxy: str | None
    proxy_username: str | None
    proxy_password: str | None
    user_agent: str
    connect_timeout: float
    timeout: float | None
    attempt_timeout: float | None
    max_retries: int
    max_rate_limit_retries: int
    max_retry_time: float
    retry_backoff_base: float
    retry_backoff_max: float
    max_requests_per_second: float | None
    follow_rate_limit_headers: bool
    logger: Logger
    config_check_interval: float
    live_reload_config: bool
    config_file_path: str
    version: int

    def api_base_url() -> str: ...
    def login_base_url() -> str: ...
    def check_config_file() -> None: ...
    def track_transport_user(client: Any) -> None: ...
    def to_debug_report() -> str: ...
    def default() -> Configuration: ...
    def auth_settings() -> dict[str, Any]: ...
else:
    configuration = sys.modules[__name__]
