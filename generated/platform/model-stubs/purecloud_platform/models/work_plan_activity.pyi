from .work import WorkPlanActivity as WorkPlanActivity
