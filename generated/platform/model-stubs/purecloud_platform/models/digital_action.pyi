from .digital import DigitalAction as DigitalAction
