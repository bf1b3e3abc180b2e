from .flow import FlowPathsFlowFilter as FlowPathsFlowFilter
