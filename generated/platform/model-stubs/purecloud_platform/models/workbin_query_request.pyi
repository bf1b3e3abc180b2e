from .workbin import WorkbinQueryRequest as WorkbinQueryRequest
