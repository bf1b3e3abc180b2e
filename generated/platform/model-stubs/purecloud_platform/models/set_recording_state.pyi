from .set import SetRecordingState as SetRecordingState
