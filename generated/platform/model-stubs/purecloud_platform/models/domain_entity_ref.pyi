from .domain import DomainEntityRef as DomainEntityRef
