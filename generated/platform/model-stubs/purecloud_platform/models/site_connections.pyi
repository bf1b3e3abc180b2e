from .site import SiteConnections as SiteConnections
