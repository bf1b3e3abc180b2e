from .coretype import CoretypeListing as CoretypeListing
