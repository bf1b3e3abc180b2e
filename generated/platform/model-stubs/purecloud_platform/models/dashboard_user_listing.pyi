from .dashboard import DashboardUserListing as DashboardUserListing
