from .source import SourceEntityListing as SourceEntityListing
