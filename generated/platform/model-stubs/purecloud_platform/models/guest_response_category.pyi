from .guest import GuestResponseCategory as GuestResponseCategory
