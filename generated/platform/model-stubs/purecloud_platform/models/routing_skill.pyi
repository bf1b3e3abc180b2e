from .routing import RoutingSkill as RoutingSkill
