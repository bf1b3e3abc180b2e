from .tts import TtsEngineEntity as TtsEngineEntity
