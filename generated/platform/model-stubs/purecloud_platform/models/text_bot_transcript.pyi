from .text import TextBotTranscript as TextBotTranscript
