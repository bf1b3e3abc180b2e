from .facet import FacetKeyAttribute as FacetKeyAttribute
