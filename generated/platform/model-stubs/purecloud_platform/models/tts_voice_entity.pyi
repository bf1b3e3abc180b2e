from .tts import TtsVoiceEntity as TtsVoiceEntity
