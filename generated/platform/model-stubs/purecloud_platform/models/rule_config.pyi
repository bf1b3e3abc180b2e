from .rule import RuleConfig as RuleConfig
