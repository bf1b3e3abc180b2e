from .facet import FacetEntry as FacetEntry
