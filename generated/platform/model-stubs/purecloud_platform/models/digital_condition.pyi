from .digital import DigitalCondition as DigitalCondition
