from .ping import PingIdentity as PingIdentity
