from .sessions import SessionsResponse as SessionsResponse
