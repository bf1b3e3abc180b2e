from .recording import RecordingJob as RecordingJob
