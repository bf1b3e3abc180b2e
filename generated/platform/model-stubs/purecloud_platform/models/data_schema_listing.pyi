from .data import DataSchemaListing as DataSchemaListing
