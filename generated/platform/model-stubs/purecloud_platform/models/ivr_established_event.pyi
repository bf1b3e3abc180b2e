from .ivr import IvrEstablishedEvent as IvrEstablishedEvent
