from .call import CallTarget as CallTarget
