from .survey import SurveyQuestionScore as SurveyQuestionScore
