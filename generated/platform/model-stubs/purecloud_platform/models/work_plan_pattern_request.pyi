from .work import WorkPlanPatternRequest as WorkPlanPatternRequest
