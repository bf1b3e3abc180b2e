from .queue import QueueRequest as QueueRequest
