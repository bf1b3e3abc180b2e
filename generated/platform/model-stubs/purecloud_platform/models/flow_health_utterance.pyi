from .flow import FlowHealthUtterance as FlowHealthUtterance
