from .orphan import OrphanRecording as OrphanRecording
