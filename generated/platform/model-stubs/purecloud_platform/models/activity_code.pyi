from .activity import ActivityCode as ActivityCode
