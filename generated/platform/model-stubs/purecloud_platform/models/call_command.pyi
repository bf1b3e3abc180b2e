from .call import CallCommand as CallCommand
