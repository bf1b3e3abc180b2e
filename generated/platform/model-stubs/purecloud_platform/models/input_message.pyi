from .input import InputMessage as InputMessage
