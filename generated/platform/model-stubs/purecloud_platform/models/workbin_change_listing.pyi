from .workbin import WorkbinChangeListing as WorkbinChangeListing
