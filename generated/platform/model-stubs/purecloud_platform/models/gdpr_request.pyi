from .gdpr import GDPRRequest as GDPRRequest
