from .team import TeamEntityListing as TeamEntityListing
