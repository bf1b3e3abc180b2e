"""Base classes of the generated API classes (``UsersApi``, ``AsyncUsersApi``, ...)."""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


class BaseApi:
    """``UsersApi(client)`` uses ``client`` (an ``ApiClient`` or an ``AsyncApiClient``: with the
    latter every method returns an awaitable); ``UsersApi()`` uses the default client built from
    the module-level ``configuration``, as the official SDK does. That client is looked up (and
    built, the first time) when the API object first needs it, so ``UsersApi()`` itself imports
    nothing and costs nothing."""

    def __init__(self, api_client: Any = None) -> None:
        self._api_client = api_client

    @property
    def api_client(self) -> Any:
        client = self._api_client
        if client is None:
            from .api_client import get_default_api_client

            client = self._api_client = get_default_api_client()
        return client

    @api_client.setter
    def api_client(self, value: Any) -> None:
        self._api_client = value


class AsyncBaseApi:
    """``AsyncUsersApi(async_client)``; without a client, the default ``AsyncApiClient`` of
    the event loop each call runs in (an API object may outlive an ``asyncio.run()``).
    """

    def __init__(self, api_client: Any = None) -> None:
        self._api_client = api_client

    @property
    def api_client(self) -> Any:
        if self._api_client is not None:
            return self._api_client
        from .api_client import get_default_async_api_client

        return get_default_async_api_client()

    @api_client.setter
    def api_client(self, value: Any) -> None:
        self._api_client = value
