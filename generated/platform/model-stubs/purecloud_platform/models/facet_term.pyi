from .facet import FacetTerm as FacetTerm
