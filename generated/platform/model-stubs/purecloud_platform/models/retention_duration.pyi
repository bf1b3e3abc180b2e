from .retention import RetentionDuration as RetentionDuration
