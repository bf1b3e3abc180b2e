from .recording import RecordingWheelPicker as RecordingWheelPicker
