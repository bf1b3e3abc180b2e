from .base import BaseProgramEntity as BaseProgramEntity
