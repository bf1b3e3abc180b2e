"""Hand-written in the shape the generator renders (docs/architecture.md), for runtime tests."""

from __future__ import annotations

from typing import Any

from .._base_api import AsyncBaseApi, BaseApi
from .._operation import OperationSpec, ParamSpec
from .._request_options import RequestOptions

_AUTH = ("PureCloud OAuth",)
_GET_USERS_ME = OperationSpec(
    "getUsersMe", "GET", "/api/v2/users/me", (), "User", _AUTH
)
_GET_USER = OperationSpec(
    "getUser",
    "GET",
    "/api/v2/users/{userId}",
    (ParamSpec("userId", "path"), ParamSpec("expand", "query", "multi")),
    "User",
    _AUTH,
)
_GET_USERS = OperationSpec(
    "getUsers",
    "GET",
    "/api/v2/users",
    (
        ParamSpec("pageSize", "query"),
        ParamSpec("pageNumber", "query"),
        ParamSpec("id", "query", "csv"),
    ),
    "UserEntityListing",
    _AUTH,
)
_GET_USERS_CURSOR = OperationSpec(
    "getUsersCursor",
    "GET",
    "/api/v2/users/cursor",
    (ParamSpec("cursor", "query"), ParamSpec("pageSize", "query")),
    "CursorListing",
    _AUTH,
)
_POST_USERS = OperationSpec(
    "postUsers",
    "POST",
    "/api/v2/users",
    (ParamSpec("body", "body"),),
    "User",
    _AUTH,
    ("application/json",),
)
_DELETE_USER = OperationSpec(
    "deleteUser",
    "DELETE",
    "/api/v2/users/{userId}",
    (ParamSpec("userId", "path"),),
    None,
    _AUTH,
)
_GET_DOWNLOAD = OperationSpec(
    "getDownload",
    "GET",
    "/api/v2/downloads/{downloadId}",
    (ParamSpec("downloadId", "path"),),
    "bytes",
    _AUTH,
    produces=("application/octet-stream",),
)
_POST_UPLOAD = OperationSpec(
    "postUpload",
    "POST",
    "/api/v2/uploads",
    (ParamSpec("file", "file"), ParamSpec("name", "form")),
    "dict[str, Any]",
    _AUTH,
    ("multipart/form-data",),
)
_POST_FORM = OperationSpec(
    "postForm",
    "POST",
    "/api/v2/forms",
    (ParamSpec("name", "form"), ParamSpec("tags", "form", "multi")),
    "dict[str, Any]",
    _AUTH,
    ("application/x-www-form-urlencoded",),
)
_GET_ECHO = OperationSpec(
    "getEcho",
    "GET",
    "/api/v2/echo/{itemId}",
    (
        ParamSpec("itemId", "path"),
        ParamSpec("csv", "query", "csv"),
        ParamSpec("ssv", "query", "ssv"),
        ParamSpec("tsv", "query", "tsv"),
        ParamSpec("pipes", "query", "pipes"),
        ParamSpec("multi", "query", "multi"),
        ParamSpec("when", "query"),
        ParamSpec("day", "query"),
        ParamSpec("flag", "query"),
        ParamSpec("X-Trace", "header"),
    ),
    "dict[str, Any]",
    _AUTH,
)
_POST_GUEST_CHAT = OperationSpec(
    "postWebchatGuestConversations",
    "POST",
    "/api/v2/webchat/guest/conversations",
    (ParamSpec("body", "body"),),
    "dict[str, Any]",
    (),
)


class UsersApi(BaseApi):
    def get_users_me(self, *, request_options: RequestOptions | None = None) -> Any:
        return self.api_client.call_api(_GET_USERS_ME, {}, request_options)

    def get_user(
        self,
        user_id: str,
        *,
        expand: list[str] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Any:
        return self.api_client.call_api(
            _GET_USER, {"userId": user_id, "expand": expand}, request_options
        )

    def get_users(
        self,
        *,
        page_size: int | None = None,
        page_number: int | None = None,
        id: list[str] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Any:
        return self.api_client.call_api(
            _GET_USERS,
            {"pageSize": page_size, "pageNumber": page_number, "id": id},
            request_options,
        )

    def get_users_cursor(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Any:
        return self.api_client.call_api(
            _GET_USERS_CURSOR,
            {"cursor": cursor, "pageSize": page_size},
            request_options,
        )

    def post_users(
        self, body: Any, *, request_options: RequestOptions | None = None
    ) -> Any:
        return self.api_client.call_api(_POST_USERS, {"body": body}, request_options)

    def delete_user(
        self, user_id: str, *, request_options: RequestOptions | None = None
    ) -> Any:
        return self.api_client.call_api(
            _DELETE_USER, {"userId": user_id}, request_options
        )

    def get_download(
        self, download_id: str, *, request_options: RequestOptions | None = None
    ) -> Any:
        return self.api_client.call_api(
            _GET_DOWNLOAD, {"downloadId": download_id}, request_options
        )

    def post_upload(
        self,
        file: Any,
        *,
        name: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> Any:
        return self.api_client.call_api(
            _POST_UPLOAD, {"file": file, "name": name}, request_options
        )

    def post_form(
        self,
        *,
        name: str | None = None,
        tags: list[str] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Any:
        return self.api_client.call_api(
            _POST_FORM, {"name": name, "tags": tags}, request_options
        )

    def get_echo(
        self,
        item_id: str,
        *,
        request_options: RequestOptions | None = None,
        **query: Any,
    ) -> Any:
        return self.api_client.call_api(
            _GET_ECHO, {"itemId": item_id, **query}, request_options
        )

    def post_webchat_guest_conversations(
        self, body: Any, *, request_options: RequestOptions | None = None
    ) -> Any:
        return self.api_client.call_api(
            _POST_GUEST_CHAT, {"body": body}, request_options
        )


class AsyncUsersApi(AsyncBaseApi):
    async def get_users_me(
        self, *, request_options: RequestOptions | None = None
    ) -> Any:
        return await self.api_client.call_api_async(_GET_USERS_ME, {}, request_options)

    async def get_users(
        self,
        *,
        page_size: int | None = None,
        page_number: int | None = None,
        id: list[str] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Any:
        return await self.api_client.call_api_async(
            _GET_USERS,
            {"pageSize": page_size, "pageNumber": page_number, "id": id},
            request_options,
        )

    async def get_users_cursor(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Any:
        return await self.api_client.call_api_async(
            _GET_USERS_CURSOR,
            {"cursor": cursor, "pageSize": page_size},
            request_options,
        )

    async def get_download(
        self, download_id: str, *, request_options: RequestOptions | None = None
    ) -> Any:
        return await self.api_client.call_api_async(
            _GET_DOWNLOAD, {"downloadId": download_id}, request_options
        )

    async def post_users(
        self, body: Any, *, request_options: RequestOptions | None = None
    ) -> Any:
        return await self.api_client.call_api_async(
            _POST_USERS, {"body": body}, request_options
        )
