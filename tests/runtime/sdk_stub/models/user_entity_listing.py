from __future__ import annotations

from .._models import UNSET, Model, UnsetType, field


class UserEntityListing(Model):
    # User lives in another module: _models resolves it lazily, as in generated code
    entities: list[User] | None | UnsetType = UNSET  # noqa: F821
    page_size: int | None | UnsetType = field(name="pageSize", default=UNSET)
    page_number: int | None | UnsetType = field(name="pageNumber", default=UNSET)
    total: int | None | UnsetType = UNSET
    page_count: int | None | UnsetType = field(name="pageCount", default=UNSET)
    next_uri: str | None | UnsetType = field(name="nextUri", default=UNSET)


class CursorListing(Model):
    entities: list[User] | None | UnsetType = UNSET  # noqa: F821
    cursor: str | None | UnsetType = UNSET
