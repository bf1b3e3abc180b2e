from .video import VideoSettings as VideoSettings
