from .ip import IpAddressAuthentication as IpAddressAuthentication
