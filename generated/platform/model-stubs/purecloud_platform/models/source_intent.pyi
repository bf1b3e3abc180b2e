from .source import SourceIntent as SourceIntent
