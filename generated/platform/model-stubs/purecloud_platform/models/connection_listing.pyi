from .connection import ConnectionListing as ConnectionListing
