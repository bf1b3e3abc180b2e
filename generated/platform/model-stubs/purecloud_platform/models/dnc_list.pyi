from .dnc import DncList as DncList
