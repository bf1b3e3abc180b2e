from .digital import DigitalRule as DigitalRule
