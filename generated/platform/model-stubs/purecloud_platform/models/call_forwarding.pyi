from .call import CallForwarding as CallForwarding
