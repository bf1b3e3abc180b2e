from .domain import DomainPermission as DomainPermission
