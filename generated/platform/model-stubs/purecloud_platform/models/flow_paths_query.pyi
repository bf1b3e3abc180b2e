from .flow import FlowPathsQuery as FlowPathsQuery
