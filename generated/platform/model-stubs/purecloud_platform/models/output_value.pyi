from .output import OutputValue as OutputValue
