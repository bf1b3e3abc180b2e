from .query import QueryFacetInfo as QueryFacetInfo
