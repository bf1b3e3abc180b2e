from .match_ import MatchTestResult as MatchTestResult
