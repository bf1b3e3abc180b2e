from .key import KeyRotationSchedule as KeyRotationSchedule
