from .whats import WhatsAppId as WhatsAppId
