from .survey import SurveyQuestionGroup as SurveyQuestionGroup
