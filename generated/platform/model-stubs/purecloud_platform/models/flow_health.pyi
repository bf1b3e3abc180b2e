from .flow import FlowHealth as FlowHealth
