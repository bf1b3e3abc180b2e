from .data import DataExtractionFileUrl as DataExtractionFileUrl
