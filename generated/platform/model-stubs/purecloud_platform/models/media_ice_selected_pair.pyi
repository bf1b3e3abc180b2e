from .media import MediaIceSelectedPair as MediaIceSelectedPair
