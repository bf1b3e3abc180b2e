from .stt import SttEngineEntity as SttEngineEntity
