from .apple import AppleAuthentication as AppleAuthentication
