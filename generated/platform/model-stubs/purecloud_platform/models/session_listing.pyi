from .session import SessionListing as SessionListing
