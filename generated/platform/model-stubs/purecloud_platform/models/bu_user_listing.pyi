from .bu import BuUserListing as BuUserListing
