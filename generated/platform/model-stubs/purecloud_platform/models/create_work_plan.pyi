from .create import CreateWorkPlan as CreateWorkPlan
