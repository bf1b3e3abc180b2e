from .get import GetRulesQuery as GetRulesQuery
