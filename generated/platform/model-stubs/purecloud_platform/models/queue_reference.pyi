from .queue import QueueReference as QueueReference
