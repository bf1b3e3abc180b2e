from .domain import DomainCapabilities as DomainCapabilities
