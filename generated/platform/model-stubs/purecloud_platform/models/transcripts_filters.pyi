from .transcripts import TranscriptsFilters as TranscriptsFilters
