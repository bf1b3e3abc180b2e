from .work import WorkPlanListResponse as WorkPlanListResponse
