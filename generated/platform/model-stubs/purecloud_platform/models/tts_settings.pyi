from .tts import TtsSettings as TtsSettings
