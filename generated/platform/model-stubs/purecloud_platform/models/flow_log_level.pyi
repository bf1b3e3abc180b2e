from .flow import FlowLogLevel as FlowLogLevel
