from .work import WorkPlanShift as WorkPlanShift
