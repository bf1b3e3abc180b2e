from .workitem import WorkitemRuleSettings as WorkitemRuleSettings
