from .workbin import WorkbinUpdate as WorkbinUpdate
