from .create import CreateSurveyResponse as CreateSurveyResponse
