from .entity import EntityListing as EntityListing
