from .source import SourceEntity as SourceEntity
