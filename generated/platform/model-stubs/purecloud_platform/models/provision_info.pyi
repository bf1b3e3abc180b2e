from .provision import ProvisionInfo as ProvisionInfo
