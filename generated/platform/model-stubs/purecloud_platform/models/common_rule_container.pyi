from .common import CommonRuleContainer as CommonRuleContainer
