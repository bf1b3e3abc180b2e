"""Stand-in for the rendered _version.py of a generated SDK (runtime tests only)."""

__version__ = "1.2.3"
API_TITLE = "Runtime test API"
API_VERSION = "v2"
DEFAULT_HOST = "api.mypurecloud.com"
DEFAULT_BASE_PATH = ""
DEFAULT_SCHEME = "https"
AUTH_MODE = "oauth2"
SDK_NAME = "rtpkg"
SECURITY_SCHEMES: dict[str, dict[str, str]] = {"PureCloud OAuth": {"type": "oauth2"}}
