from .recording import RecordingMetadata as RecordingMetadata
