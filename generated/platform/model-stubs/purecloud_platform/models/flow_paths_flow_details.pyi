from .flow import FlowPathsFlowDetails as FlowPathsFlowDetails
