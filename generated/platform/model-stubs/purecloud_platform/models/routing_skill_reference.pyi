from .routing import RoutingSkillReference as RoutingSkillReference
