from .work import WorkPlanReference as WorkPlanReference
