from .dashboard import DashboardUser as DashboardUser
