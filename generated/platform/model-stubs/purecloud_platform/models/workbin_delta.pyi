from .workbin import WorkbinDelta as WorkbinDelta
