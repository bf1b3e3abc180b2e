from .facet import FacetStatistics as FacetStatistics
