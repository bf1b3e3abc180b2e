from .ip import IpAddressRange as IpAddressRange
