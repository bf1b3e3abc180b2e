from .assistant import AssistantListing as AssistantListing
