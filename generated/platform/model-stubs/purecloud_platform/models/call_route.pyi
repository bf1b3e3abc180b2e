from .call import CallRoute as CallRoute
