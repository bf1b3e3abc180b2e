from .teams import TeamsSearchResponse as TeamsSearchResponse
