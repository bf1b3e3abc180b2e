from .flow import FlowHealthErrorInfo as FlowHealthErrorInfo
