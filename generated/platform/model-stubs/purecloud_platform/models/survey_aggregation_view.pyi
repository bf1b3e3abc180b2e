from .survey import SurveyAggregationView as SurveyAggregationView
