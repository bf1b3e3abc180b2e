from .v2 import V2MobiusRulesTopicRule as V2MobiusRulesTopicRule
