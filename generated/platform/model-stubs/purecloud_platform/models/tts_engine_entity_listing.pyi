from .tts import TtsEngineEntityListing as TtsEngineEntityListing
