from .domain import DomainEntity as DomainEntity
