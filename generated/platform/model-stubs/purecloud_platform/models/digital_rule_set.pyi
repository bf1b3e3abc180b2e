from .digital import DigitalRuleSet as DigitalRuleSet
