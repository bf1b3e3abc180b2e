from .transcript import TranscriptTopic as TranscriptTopic
