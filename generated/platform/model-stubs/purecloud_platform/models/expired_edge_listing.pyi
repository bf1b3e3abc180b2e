from .expired import ExpiredEdgeListing as ExpiredEdgeListing
