from .usage import UsageExecutionResult as UsageExecutionResult
