from .survey import SurveyQuestion as SurveyQuestion
