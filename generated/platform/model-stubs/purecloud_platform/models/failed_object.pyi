from .failed import FailedObject as FailedObject
