from .workitem import WorkitemRuleAction as WorkitemRuleAction
