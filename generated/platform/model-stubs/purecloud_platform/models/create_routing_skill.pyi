from .create import CreateRoutingSkill as CreateRoutingSkill
