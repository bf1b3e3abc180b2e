from .client import ClientPublicApiUsage as ClientPublicApiUsage
