from .action import ActionMapListing as ActionMapListing
