from .callable import CallableTimeSet as CallableTimeSet
