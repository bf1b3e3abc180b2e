from .policy import PolicyTestResult as PolicyTestResult
