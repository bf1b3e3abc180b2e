from .recording import RecordingForm as RecordingForm
