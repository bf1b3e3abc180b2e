from .pinned import PinnedMessageRequest as PinnedMessageRequest
