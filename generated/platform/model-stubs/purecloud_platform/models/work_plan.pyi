from .work import WorkPlan as WorkPlan
