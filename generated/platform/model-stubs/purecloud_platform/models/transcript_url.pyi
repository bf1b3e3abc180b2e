from .transcript import TranscriptUrl as TranscriptUrl
