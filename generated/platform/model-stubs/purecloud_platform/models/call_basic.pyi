from .call import CallBasic as CallBasic
