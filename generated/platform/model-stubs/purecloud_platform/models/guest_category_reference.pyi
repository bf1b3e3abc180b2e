from .guest import GuestCategoryReference as GuestCategoryReference
