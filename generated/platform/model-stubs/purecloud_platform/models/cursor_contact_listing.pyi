from .cursor import CursorContactListing as CursorContactListing
