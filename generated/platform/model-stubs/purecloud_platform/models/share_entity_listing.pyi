from .share import ShareEntityListing as ShareEntityListing
