from .audio import AudioState as AudioState
