from .punctuality import PunctualityEvent as PunctualityEvent
