from .survey import SurveyAggregationSort as SurveyAggregationSort
