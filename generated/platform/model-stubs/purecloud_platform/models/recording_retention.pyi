from .recording import RecordingRetention as RecordingRetention
