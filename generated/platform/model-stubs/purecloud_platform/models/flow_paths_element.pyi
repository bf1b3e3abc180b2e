from .flow import FlowPathsElement as FlowPathsElement
