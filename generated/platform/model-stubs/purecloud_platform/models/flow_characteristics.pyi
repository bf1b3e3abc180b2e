from .flow import FlowCharacteristics as FlowCharacteristics
