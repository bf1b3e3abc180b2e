from .copy import CopyWorkPlan as CopyWorkPlan
