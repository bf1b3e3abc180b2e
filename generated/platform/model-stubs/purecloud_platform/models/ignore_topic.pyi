from .ignore import IgnoreTopic as IgnoreTopic
