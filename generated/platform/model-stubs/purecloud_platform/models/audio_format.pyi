from .audio import AudioFormat as AudioFormat
