from .whats import WhatsAppDefinition as WhatsAppDefinition
