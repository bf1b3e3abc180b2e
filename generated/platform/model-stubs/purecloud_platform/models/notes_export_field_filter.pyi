from .notes import NotesExportFieldFilter as NotesExportFieldFilter
