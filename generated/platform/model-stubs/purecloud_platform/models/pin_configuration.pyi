from .pin import PINConfiguration as PINConfiguration
