from .notes import NotesExportFilter as NotesExportFilter
