from .ip import IpFilter as IpFilter
