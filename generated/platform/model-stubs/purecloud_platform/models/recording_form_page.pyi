from .recording import RecordingFormPage as RecordingFormPage
