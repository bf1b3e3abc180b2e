from .recording import RecordingAttachment as RecordingAttachment
