from .filter import FilterPreviewResponse as FilterPreviewResponse
