from .source import SourceBaseResponse as SourceBaseResponse
