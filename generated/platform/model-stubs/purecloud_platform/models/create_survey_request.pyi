from .create import CreateSurveyRequest as CreateSurveyRequest
