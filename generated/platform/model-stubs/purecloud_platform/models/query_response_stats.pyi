from .query import QueryResponseStats as QueryResponseStats
