from .draft import DraftListing as DraftListing
