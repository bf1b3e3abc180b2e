from .video import VideoConferenceDetails as VideoConferenceDetails
