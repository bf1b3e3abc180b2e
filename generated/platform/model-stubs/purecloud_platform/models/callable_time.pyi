from .callable import CallableTime as CallableTime
