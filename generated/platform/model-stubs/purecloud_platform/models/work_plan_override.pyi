from .work import WorkPlanOverride as WorkPlanOverride
