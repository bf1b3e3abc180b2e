from .query import QueryResponseMetric as QueryResponseMetric
