from .flow import FlowActivityResponse as FlowActivityResponse
