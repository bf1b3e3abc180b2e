from .source import SourceLastSync as SourceLastSync
