from .client import ClientApp as ClientApp
