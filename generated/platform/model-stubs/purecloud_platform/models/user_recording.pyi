from .user import UserRecording as UserRecording
