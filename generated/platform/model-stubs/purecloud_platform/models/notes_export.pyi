from .notes import NotesExport as NotesExport
