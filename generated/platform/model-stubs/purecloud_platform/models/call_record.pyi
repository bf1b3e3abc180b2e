from .call import CallRecord as CallRecord
