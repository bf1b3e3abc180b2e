from .survey import SurveyAssignment as SurveyAssignment
