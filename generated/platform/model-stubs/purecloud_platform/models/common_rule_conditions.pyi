from .common import CommonRuleConditions as CommonRuleConditions
