from .queue import QueueEmailAddress as QueueEmailAddress
