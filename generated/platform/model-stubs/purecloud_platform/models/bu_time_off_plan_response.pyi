from .bu import BuTimeOffPlanResponse as BuTimeOffPlanResponse
