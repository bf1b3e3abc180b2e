from .survey import SurveyErrorDetails as SurveyErrorDetails
