from .notes import NotesExportListing as NotesExportListing
