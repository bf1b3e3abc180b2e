from .create import CreateWorkPlanShift as CreateWorkPlanShift
