from .prefix import PrefixListing as PrefixListing
