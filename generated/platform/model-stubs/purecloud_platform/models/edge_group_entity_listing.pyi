from .edge import EdgeGroupEntityListing as EdgeGroupEntityListing
