from .note import NoteListing as NoteListing
