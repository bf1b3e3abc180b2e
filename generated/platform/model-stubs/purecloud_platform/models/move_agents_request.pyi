from .move import MoveAgentsRequest as MoveAgentsRequest
