from .phone import PhoneEstablishedEvent as PhoneEstablishedEvent
