from .move import MoveAgentsResponse as MoveAgentsResponse
