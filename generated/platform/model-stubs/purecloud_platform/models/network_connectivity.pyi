from .network import NetworkConnectivity as NetworkConnectivity
