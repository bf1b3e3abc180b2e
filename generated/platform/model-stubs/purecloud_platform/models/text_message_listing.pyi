from .text import TextMessageListing as TextMessageListing
