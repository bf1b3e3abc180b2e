from .activity import ActivityPlanListItem as ActivityPlanListItem
