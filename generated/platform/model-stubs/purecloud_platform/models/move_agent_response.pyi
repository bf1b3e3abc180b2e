from .move import MoveAgentResponse as MoveAgentResponse
