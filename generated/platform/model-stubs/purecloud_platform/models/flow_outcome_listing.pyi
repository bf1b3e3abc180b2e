from .flow import FlowOutcomeListing as FlowOutcomeListing
