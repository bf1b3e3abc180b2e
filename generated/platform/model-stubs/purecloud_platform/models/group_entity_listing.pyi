from .group import GroupEntityListing as GroupEntityListing
