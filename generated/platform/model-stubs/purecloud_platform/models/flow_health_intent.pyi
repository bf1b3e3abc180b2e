from .flow import FlowHealthIntent as FlowHealthIntent
