from .message import MessageMediaSettings as MessageMediaSettings
