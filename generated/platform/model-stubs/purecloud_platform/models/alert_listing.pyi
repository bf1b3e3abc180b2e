from .alert import AlertListing as AlertListing
