from .workbin import WorkbinCreate as WorkbinCreate
