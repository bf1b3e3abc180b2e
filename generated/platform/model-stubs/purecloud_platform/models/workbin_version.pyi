from .workbin import WorkbinVersion as WorkbinVersion
