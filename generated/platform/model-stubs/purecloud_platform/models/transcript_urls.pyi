from .transcript import TranscriptUrls as TranscriptUrls
