from .activity import ActivityPlanResponse as ActivityPlanResponse
