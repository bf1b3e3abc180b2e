from .messaging import MessagingIntegration as MessagingIntegration
