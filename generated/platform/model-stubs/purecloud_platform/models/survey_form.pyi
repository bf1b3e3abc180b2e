from .survey import SurveyForm as SurveyForm
