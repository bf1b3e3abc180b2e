"""Base classes of the generated API classes (``UsersApi``, ``AsyncUsersApi``, ...)."""

from __future__ import annotations

from typing import Any


class BaseApi:
    """``UsersApi(client)`` uses ``client`` (an ``ApiClient`` or an ``AsyncApiClient``: with the
    latter every method returns an awaitable); ``UsersApi()`` uses the default client built from
    the module-level ``configuration``, as the official SDK does."""

    def __init__(self, api_client: Any = None) -> None:
        if api_client is None:
            from .api_client import (
                get_default_api_client,
            )  # deferred: importing an API module stays cheap

            api_client = get_default_api_client()
        self.api_client = api_client


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
