from .gdpr import GDPRSubject as GDPRSubject
