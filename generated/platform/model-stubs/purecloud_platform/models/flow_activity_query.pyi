from .flow import FlowActivityQuery as FlowActivityQuery
