from .whats import WhatsAppIntegration as WhatsAppIntegration
