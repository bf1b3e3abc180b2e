from .document import DocumentChunkBlock as DocumentChunkBlock
