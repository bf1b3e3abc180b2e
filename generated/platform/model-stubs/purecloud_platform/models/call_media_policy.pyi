from .call import CallMediaPolicy as CallMediaPolicy
