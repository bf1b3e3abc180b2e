from .cobrowse import CobrowseConversation as CobrowseConversation
