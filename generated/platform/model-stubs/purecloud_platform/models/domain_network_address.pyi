from .domain import DomainNetworkAddress as DomainNetworkAddress
