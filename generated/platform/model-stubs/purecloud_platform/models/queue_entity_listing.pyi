from .queue import QueueEntityListing as QueueEntityListing
