from .recording import RecordingLocation as RecordingLocation
