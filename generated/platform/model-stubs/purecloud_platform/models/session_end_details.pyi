from .session import SessionEndDetails as SessionEndDetails
