from .user import UserRoutingSkill as UserRoutingSkill
