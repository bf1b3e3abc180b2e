from .relying import RelyingPartyEntity as RelyingPartyEntity
