from .flow import FlowActivityEntityData as FlowActivityEntityData
