from .alert import AlertRuleProperties as AlertRuleProperties
