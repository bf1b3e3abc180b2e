from .flow import FlowVersion as FlowVersion
