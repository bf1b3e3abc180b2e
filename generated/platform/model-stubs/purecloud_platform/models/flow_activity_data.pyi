from .flow import FlowActivityData as FlowActivityData
