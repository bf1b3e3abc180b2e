from __future__ import annotations

from .._models import UNSET, Model, UnsetType, date, datetime, field


class User(Model):
    id: str | None | UnsetType = UNSET
    name: str | None | UnsetType = UNSET
    email: str | None | UnsetType = UNSET
    date_modified: datetime | None | UnsetType = field(
        name="dateModified", default=UNSET
    )
    manager: User | None | UnsetType = UNSET


class CreateUser(Model):
    name: str | None | UnsetType = UNSET
    email: str | None | UnsetType = UNSET
    birthday: date | None | UnsetType = UNSET
    postal_code: str | None | UnsetType = field(name="postalCode", default=UNSET)
