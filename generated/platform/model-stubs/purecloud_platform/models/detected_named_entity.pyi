from .detected import DetectedNamedEntity as DetectedNamedEntity
