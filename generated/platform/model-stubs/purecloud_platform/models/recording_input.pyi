from .recording import RecordingInput as RecordingInput
