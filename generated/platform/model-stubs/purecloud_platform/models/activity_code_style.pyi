from .activity import ActivityCodeStyle as ActivityCodeStyle
