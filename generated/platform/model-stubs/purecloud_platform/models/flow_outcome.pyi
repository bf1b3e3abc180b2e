from .flow import FlowOutcome as FlowOutcome
