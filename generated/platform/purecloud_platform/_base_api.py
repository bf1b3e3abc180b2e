"""Base classes of the generated API classes (``UsersApi``, ``AsyncUsersApi``, ...)."""

from __future__ import annotations

from ._lazy import resolve_annotations_lazily

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from .api_client import ApiClient, AsyncApiClient


def _check_client(api: object, client: object, wants_async: bool) -> None:
    """A sync API class with an async client (or the reverse) would hand back coroutines
    where values are expected (or block the event loop): refuse it when the object is built."""
    is_async = getattr(client, "is_async", None)  # None: no client, or a test double
    if is_async is None or is_async == wants_async:
        return
    name = type(api).__name__
    if wants_async:
        raise TypeError(
            f"{name} needs an AsyncApiClient, got a (sync) {type(client).__name__}: "
            f"use {name.removeprefix('Async')}(client) for blocking calls, "
            f"or {name}(AsyncApiClient(...)) for coroutines"
        )
    raise TypeError(
        f"{name} needs an ApiClient, got an {type(client).__name__}: "
        f"use Async{name}(client) for coroutines, or {name}(ApiClient(...)) for blocking calls"
    )


class BaseApi:
    """``UsersApi(client)`` sends through ``client`` (an ``ApiClient``); ``UsersApi()`` uses the
    default client built from the module-level ``configuration``, as the official SDK does. That
    client is looked up (and built, the first time) when the API object first needs it, so
    ``UsersApi()`` itself imports nothing and costs nothing. An ``AsyncApiClient`` is refused:
    use ``AsyncUsersApi`` with it."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # the methods' annotations name RequestOptions and models imported for checkers only
        resolve_annotations_lazily(cls.__module__)

    def __init__(self, api_client: ApiClient | None = None) -> None:
        _check_client(self, api_client, wants_async=False)
        self._api_client = api_client

    @property
    def api_client(self) -> ApiClient:
        client = self._api_client
        if client is None:
            from .api_client import get_default_api_client

            client = self._api_client = get_default_api_client()
        return client

    @api_client.setter
    def api_client(self, value: ApiClient) -> None:
        _check_client(self, value, wants_async=False)
        self._api_client = value


class AsyncBaseApi:
    """``AsyncUsersApi(async_client)``; without a client, the default ``AsyncApiClient`` of
    the event loop each call runs in (an API object may outlive an ``asyncio.run()``). A sync
    ``ApiClient`` is refused: use ``UsersApi`` with it.
    """

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # the methods' annotations name RequestOptions and models imported for checkers only
        resolve_annotations_lazily(cls.__module__)

    def __init__(self, api_client: AsyncApiClient | None = None) -> None:
        _check_client(self, api_client, wants_async=True)
        self._api_client = api_client

    @property
    def api_client(self) -> AsyncApiClient:
        if self._api_client is not None:
            return self._api_client
        from .api_client import get_default_async_api_client

        return get_default_async_api_client()

    @api_client.setter
    def api_client(self, value: AsyncApiClient) -> None:
        _check_client(self, value, wants_async=True)
        self._api_client = value
