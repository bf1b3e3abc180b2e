from .rule import RuleEngineConfig as RuleEngineConfig
