from .metadata import MetadataResultEntity as MetadataResultEntity
