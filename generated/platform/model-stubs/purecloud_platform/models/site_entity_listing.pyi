from .site import SiteEntityListing as SiteEntityListing
