from .domain import DomainRole as DomainRole
