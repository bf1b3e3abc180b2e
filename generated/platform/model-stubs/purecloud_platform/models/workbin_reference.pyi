from .workbin import WorkbinReference as WorkbinReference
