from .tts import TtsVoiceEntityListing as TtsVoiceEntityListing
