from .activity import ActivityPlanListing as ActivityPlanListing
