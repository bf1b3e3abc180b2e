from .workbin import WorkbinVersionListing as WorkbinVersionListing
