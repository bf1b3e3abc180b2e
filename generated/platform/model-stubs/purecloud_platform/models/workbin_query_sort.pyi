from .workbin import WorkbinQuerySort as WorkbinQuerySort
