from .whats import WhatsAppColumn as WhatsAppColumn
