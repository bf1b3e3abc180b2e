from .flow import FlowLogLevelRequest as FlowLogLevelRequest
