from .site import SiteSearchRequest as SiteSearchRequest
