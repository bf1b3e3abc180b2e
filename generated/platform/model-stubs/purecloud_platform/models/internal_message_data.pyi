from .internal import InternalMessageData as InternalMessageData
