from .library import LibraryBatchRequest as LibraryBatchRequest
