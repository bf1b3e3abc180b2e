from .whats import WhatsAppConfig as WhatsAppConfig
