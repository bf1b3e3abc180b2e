from .message import MessageMediaListing as MessageMediaListing
