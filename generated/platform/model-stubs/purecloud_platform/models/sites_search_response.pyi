from .sites import SitesSearchResponse as SitesSearchResponse
