from .call import CallToAction as CallToAction
