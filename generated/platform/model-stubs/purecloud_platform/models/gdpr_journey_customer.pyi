from .gdpr import GDPRJourneyCustomer as GDPRJourneyCustomer
