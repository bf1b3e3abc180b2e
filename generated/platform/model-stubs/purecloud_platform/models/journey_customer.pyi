from .journey import JourneyCustomer as JourneyCustomer
