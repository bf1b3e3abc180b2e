from .test import TestExecutionResult as TestExecutionResult
