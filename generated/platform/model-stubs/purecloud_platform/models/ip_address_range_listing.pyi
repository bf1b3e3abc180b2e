from .ip import IpAddressRangeListing as IpAddressRangeListing
