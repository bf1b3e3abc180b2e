from .suggested import SuggestedSearchChunk as SuggestedSearchChunk
