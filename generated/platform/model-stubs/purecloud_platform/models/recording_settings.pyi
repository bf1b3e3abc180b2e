from .recording import RecordingSettings as RecordingSettings
