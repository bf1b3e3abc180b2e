from .user import UserRoutingSkillPost as UserRoutingSkillPost
