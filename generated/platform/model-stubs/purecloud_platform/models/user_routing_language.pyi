from .user import UserRoutingLanguage as UserRoutingLanguage
