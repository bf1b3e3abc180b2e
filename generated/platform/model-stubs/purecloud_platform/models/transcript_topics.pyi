from .transcript import TranscriptTopics as TranscriptTopics
