from .rule import RuleSetDiagnostic as RuleSetDiagnostic
