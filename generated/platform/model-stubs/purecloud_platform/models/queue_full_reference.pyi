from .queue import QueueFullReference as QueueFullReference
