from .flow import FlowHealthIntentInfo as FlowHealthIntentInfo
