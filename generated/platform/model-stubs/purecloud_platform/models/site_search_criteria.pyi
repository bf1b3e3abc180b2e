from .site import SiteSearchCriteria as SiteSearchCriteria
