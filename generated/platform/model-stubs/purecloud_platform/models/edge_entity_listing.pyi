from .edge import EdgeEntityListing as EdgeEntityListing
