from .stt import SttEngineEntityListing as SttEngineEntityListing
