from .domain import DomainNetworkRoute as DomainNetworkRoute
