from .common import CommonRulePredicate as CommonRulePredicate
