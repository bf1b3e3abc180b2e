from .library import LibraryEntityListing as LibraryEntityListing
