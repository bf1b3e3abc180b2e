from .session import SessionPlanningGroups as SessionPlanningGroups
