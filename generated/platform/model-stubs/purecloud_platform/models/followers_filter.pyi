from .followers import FollowersFilter as FollowersFilter
