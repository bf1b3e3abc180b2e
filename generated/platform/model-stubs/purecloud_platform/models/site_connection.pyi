from .site import SiteConnection as SiteConnection
