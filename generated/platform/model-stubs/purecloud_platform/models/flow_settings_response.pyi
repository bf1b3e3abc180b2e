from .flow import FlowSettingsResponse as FlowSettingsResponse
