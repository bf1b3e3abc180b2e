from .queue import QueueObservationQuery as QueueObservationQuery
