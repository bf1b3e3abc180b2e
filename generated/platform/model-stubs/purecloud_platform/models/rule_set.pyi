from .rule import RuleSet as RuleSet
