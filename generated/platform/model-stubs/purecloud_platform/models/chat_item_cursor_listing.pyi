from .chat import ChatItemCursorListing as ChatItemCursorListing
