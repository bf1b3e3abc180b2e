from .create import CreateQueueRequest as CreateQueueRequest
