from .source import SourceConfiguration as SourceConfiguration
