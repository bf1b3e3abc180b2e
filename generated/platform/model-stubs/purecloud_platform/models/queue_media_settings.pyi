from .queue import QueueMediaSettings as QueueMediaSettings
